package io.migrationplatform.analysis.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a rule may test. Each fact is derived from one or more asset fields by {@link FactExtractor};
 * the names are the vocabulary of {@code analysis/rules.csv} and are documented in docs/analysis-rules.md.
 */
enum Fact {
    ASSET_TYPE(Type.TEXT),
    ENVIRONMENT(Type.TEXT),
    CRITICALITY(Type.TEXT),
    STATUS(Type.TEXT),
    /** windows, linux, unix, mainframe, or unknown — from the operating system text. */
    OS_FAMILY(Type.TEXT),
    /** supported, extended_support_only, end_of_life, unknown (product found, no dates), none (no product found). */
    OS_STATUS(Type.TEXT),
    DATABASE_STATUS(Type.TEXT),
    RUNTIME_STATUS(Type.TEXT),
    /** Years since the OS reached end of life (fractional); unknown unless it has. An unrecorded date counts as 10. */
    OS_YEARS_PAST_EOL(Type.NUMBER),
    DATABASE_YEARS_PAST_EOL(Type.NUMBER),
    RUNTIME_YEARS_PAST_EOL(Type.NUMBER),
    /** endoflife.date product id of the identified OS (rhel, windows-server…), unknown when none. */
    OS_PRODUCT(Type.TEXT),
    /** endoflife.date product id of the identified database engine (oracle-database, mssqlserver, postgresql…). */
    DATABASE_PRODUCT(Type.TEXT),
    /** endoflife.date product id of the identified runtime (oracle-jdk, nodejs, python, dotnetfx, tomcat…). */
    RUNTIME_PRODUCT(Type.TEXT),
    /** Technology categories found by keyword in the asset's texts (analysis/technology-keywords.csv). */
    TECH(Type.SET),
    CPU_UTILIZATION_PCT(Type.NUMBER),
    MEMORY_UTILIZATION_PCT(Type.NUMBER),
    CPU_CORES(Type.NUMBER),
    MEMORY_GB(Type.NUMBER),
    STORAGE_GB(Type.NUMBER),
    /** Assets this one depends on. */
    DEPENDENCIES(Type.NUMBER),
    /** Assets that depend on this one. */
    DEPENDENTS(Type.NUMBER),
    IN_CYCLE(Type.BOOLEAN),
    /** attributes.saas_replacement names a product (or is true). */
    SAAS_REPLACEMENT(Type.BOOLEAN),
    /** attributes.hardware_dependency names a device (HSM, dongle, fax board…). */
    HARDWARE_DEPENDENCY(Type.BOOLEAN),
    /** attributes.data_residency names a constraint that keeps the data where it is. */
    DATA_RESIDENCY(Type.BOOLEAN),
    /** attributes.compliance names a regime (PCI-DSS, HIPAA…). */
    COMPLIANCE(Type.BOOLEAN),
    /** Share (0–100) of the fields an assessment relies on that are filled. */
    DATA_COMPLETENESS(Type.NUMBER);

    enum Type { TEXT, NUMBER, BOOLEAN, SET }

    private static final Map<String, Fact> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Fact::ruleName, Function.identity()));

    private final Type type;

    Fact(Type type) {
        this.type = type;
    }

    Type type() {
        return type;
    }

    /** The name used in rules.csv. */
    String ruleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Fact named(String name) {
        return BY_NAME.get(name);
    }
}
