package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.analysis.AssetAnalysis.Evidence;
import io.migrationplatform.analysis.AssetAnalysis.LifecycleStatus;
import io.migrationplatform.analysis.lifecycle.LifecycleCatalog;
import io.migrationplatform.analysis.lifecycle.LifecycleMatch;
import io.migrationplatform.assets.Asset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an asset (and its dependency counts) into the {@link FactSheet} rules test. All judgement
 * lives in the rule tables; this class only reads fields, recognises products and keywords, and
 * records which field each fact came from.
 */
final class FactExtractor {

    /** Estates repeat the same few hundred OS and database strings; remember their lifecycle lookups. */
    private static final int LIFECYCLE_MEMO_LIMIT = 50_000;

    private final LifecycleCatalog catalog;
    private final TechnologyKeywords keywords;
    private final Map<MemoKey, Optional<LifecycleMatch>> lifecycleMemo = new ConcurrentHashMap<>();

    private record MemoKey(String text, LocalDate asOf) {
    }

    /** A text to look products up in, and the field it came from. */
    private record Source(String field, String text) {
    }

    FactExtractor(LifecycleCatalog catalog, TechnologyKeywords keywords) {
        this.catalog = catalog;
        this.keywords = keywords;
    }

    FactSheet extract(Asset asset, DependencyCounts counts, LocalDate asOf) {
        Map<String, String> texts = texts(asset);
        FactSheet facts = new FactSheet(keywords.scanAll(texts), lifecycle(asset, asOf), asset.attributes());

        text(facts, Fact.ASSET_TYPE, "asset_type", asset.assetType());
        text(facts, Fact.ENVIRONMENT, "environment", asset.environment());
        text(facts, Fact.CRITICALITY, "criticality", asset.criticality());
        text(facts, Fact.STATUS, "status", asset.status());
        facts.put(Fact.OS_FAMILY, osFamily(asset.operatingSystem(), facts),
                new Evidence("operating_system", asset.operatingSystem(), "os_family"));
        status(facts, Fact.OS_STATUS, Fact.OS_PRODUCT, Fact.OS_YEARS_PAST_EOL, "operating_system", asOf);
        status(facts, Fact.DATABASE_STATUS, Fact.DATABASE_PRODUCT, Fact.DATABASE_YEARS_PAST_EOL, "database", asOf);
        status(facts, Fact.RUNTIME_STATUS, Fact.RUNTIME_PRODUCT, Fact.RUNTIME_YEARS_PAST_EOL, "runtime", asOf);
        number(facts, Fact.CPU_UTILIZATION_PCT, "cpu_utilization_pct", asset.cpuUtilizationPct());
        number(facts, Fact.MEMORY_UTILIZATION_PCT, "memory_utilization_pct", asset.memoryUtilizationPct());
        number(facts, Fact.CPU_CORES, "cpu_cores", asset.cpuCores() == null ? null : asset.cpuCores().doubleValue());
        number(facts, Fact.MEMORY_GB, "memory_gb", asset.memoryGb());
        number(facts, Fact.STORAGE_GB, "storage_gb", asset.storageGb());
        number(facts, Fact.DEPENDENCIES, "dependencies", (double) counts.dependsOn());
        number(facts, Fact.DEPENDENTS, "dependents", (double) counts.dependents());
        facts.put(Fact.IN_CYCLE, counts.inCycle(), new Evidence("dependencies", String.valueOf(counts.inCycle()), "in_cycle"));
        attributeFlag(facts, Fact.SAAS_REPLACEMENT, asset, "saas_replacement");
        attributeFlag(facts, Fact.HARDWARE_DEPENDENCY, asset, "hardware_dependency");
        attributeFlag(facts, Fact.DATA_RESIDENCY, asset, "data_residency");
        attributeFlag(facts, Fact.COMPLIANCE, asset, "compliance");
        double completeness = completeness(asset);
        facts.put(Fact.DATA_COMPLETENESS, completeness,
                new Evidence("(several)", String.valueOf(Math.round(completeness)), "data_completeness"));
        return facts;
    }

    /** The texts keywords are looked for in, by field. Hostnames and owners are not: they name, they don't describe. */
    private static Map<String, String> texts(Asset asset) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("name", asset.name());
        texts.put("application_name", asset.applicationName());
        texts.put("operating_system", asset.operatingSystem());
        texts.put("os_version", asset.osVersion());
        texts.put("technology_stack", join(asset.technologyStack()));
        texts.put("database_type", asset.databaseType());
        texts.put("database_version", asset.databaseVersion());
        texts.put("tags", join(asset.tags()));
        Map<String, Object> attributes = asset.attributes();
        if (attributes != null) {
            for (String key : List.of("description", "vendor", "product", "software", "platform", "role")) {
                if (attributes.get(key) instanceof String value) {
                    texts.put("attributes." + key, value);
                }
            }
        }
        return texts;
    }

    private Map<String, LifecycleStatus> lifecycle(Asset asset, LocalDate asOf) {
        Map<String, LifecycleStatus> found = FactSheet.emptyLifecycle();
        for (Source source : lifecycleSources(asset)) {
            Optional<LifecycleMatch> match = match(source.text(), asOf);
            if (match.isPresent()) {
                String slot = slot(match.get().category());
                if (found.get(slot) == null) {
                    found.put(slot, toStatus(match.get(), source.field()));
                }
            }
        }
        return found;
    }

    /**
     * Where products are looked for, most specific first. Real exports put runtimes and databases in
     * the OS column ("Java 8 Spring", "PostgreSQL 14"), so each match goes to the slot its product's
     * category says, whatever column it came from.
     */
    private static List<Source> lifecycleSources(Asset asset) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("operating_system", withVersion(asset.operatingSystem(), asset.osVersion())));
        sources.add(new Source("database_type", withVersion(asset.databaseType(), asset.databaseVersion())));
        if (asset.technologyStack() != null) {
            for (String item : asset.technologyStack()) {
                sources.add(new Source("technology_stack", item));
            }
        }
        sources.add(new Source("application_name", asset.applicationName()));
        return sources;
    }

    /** "Ubuntu" + "20.04" → "Ubuntu 20.04"; a version already in the name is not repeated. */
    static String withVersion(String name, String version) {
        if (name == null || name.isBlank()) {
            return version;
        }
        if (version == null || version.isBlank() || name.contains(version)) {
            return name;
        }
        return name + " " + version;
    }

    private Optional<LifecycleMatch> match(String text, LocalDate asOf) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        MemoKey key = new MemoKey(text, asOf);
        Optional<LifecycleMatch> known = lifecycleMemo.get(key);
        if (known != null) {
            return known;
        }
        Optional<LifecycleMatch> match = catalog.match(text, asOf);
        if (lifecycleMemo.size() < LIFECYCLE_MEMO_LIMIT) {
            lifecycleMemo.put(key, match);
        }
        return match;
    }

    private static String slot(String category) {
        return switch (category) {
            case "os" -> "operating_system";
            case "database" -> "database";
            default -> "runtime";
        };
    }

    private static LifecycleStatus toStatus(LifecycleMatch match, String field) {
        return new LifecycleStatus(match.product(), match.category(), match.releaseCycle(), match.releaseLabel(),
                match.releaseDate(), match.endOfActiveSupport(), match.endOfLife(), match.endOfExtendedSupport(),
                match.status().json(), match.matchedFrom(), field);
    }

    private static void status(FactSheet facts, Fact fact, Fact product, Fact yearsPastEol, String slot, LocalDate asOf) {
        LifecycleStatus status = facts.lifecycle().get(slot);
        facts.put(yearsPastEol, yearsPastEol(status, asOf), new Evidence(status == null ? slot : status.field(),
                status == null ? null : status.matchedFrom(), yearsPastEol.ruleName()));
        if (status == null) {
            facts.put(fact, "none", new Evidence(slot, null, fact.ruleName()));
            facts.put(product, null, new Evidence(slot, null, product.ruleName()));
        } else {
            facts.put(product, status.product(), new Evidence(status.field(), status.matchedFrom(), product.ruleName() + "=" + status.product()));
            facts.put(fact, status.status(), new Evidence(status.field(), status.matchedFrom(),
                    fact.ruleName() + "=" + status.status() + " (" + status.product() + " " + status.releaseCycle()
                            + (status.endOfLife() == null ? "" : ", end of life " + status.endOfLife()) + ")"));
        }
    }

    /** Fractional years since end of life, for end-of-life releases only; an unrecorded date counts as long ago (10). */
    static Double yearsPastEol(LifecycleStatus status, LocalDate asOf) {
        if (status == null || !"end_of_life".equals(status.status())) {
            return null;
        }
        if (status.endOfLife() == null) {
            return 10.0;
        }
        return Math.round(java.time.temporal.ChronoUnit.DAYS.between(status.endOfLife(), asOf) / 365.25 * 10) / 10.0;
    }

    /** windows, linux, unix or mainframe from the OS text; a mainframe stack without an OS text also counts. */
    static String osFamily(String operatingSystem, FactSheet facts) {
        String os = operatingSystem == null ? "" : operatingSystem.toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            return "windows";
        }
        if (containsAny(os, "z/os", "zos", "os/390", "mvs", "mainframe", "z/vm")) {
            return "mainframe";
        }
        if (containsAny(os, "aix", "solaris", "sunos", "hp-ux", "hpux", "unix", "as/400", "os/400", "ibm i")) {
            return "unix";
        }
        if (containsAny(os, "linux", "rhel", "red hat", "redhat", "centos", "ubuntu", "debian", "suse", "sles", "rocky",
                "alma", "fedora", "oel")) {
            return "linux";
        }
        if (facts.tech().contains("mainframe")) {
            return "mainframe";
        }
        return "unknown";
    }

    private static boolean containsAny(String text, String... needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static void text(FactSheet facts, Fact fact, String field, String value) {
        facts.put(fact, value == null ? null : value.toLowerCase(Locale.ROOT), new Evidence(field, value, fact.ruleName()));
    }

    private static void number(FactSheet facts, Fact fact, String field, Double value) {
        facts.put(fact, value, new Evidence(field, value == null ? null : FactSheet.format(value), fact.ruleName()));
    }

    private static void attributeFlag(FactSheet facts, Fact fact, Asset asset, String key) {
        Object value = asset.attributes() == null ? null : asset.attributes().get(key);
        boolean present = FactSheet.truthy(facts.attribute(key));
        facts.put(fact, present, new Evidence("attributes." + key, value == null ? null : String.valueOf(value), fact.ruleName()));
    }

    /** Share of the fields an assessment relies on that are filled, 0–100. */
    static double completeness(Asset asset) {
        int filled = 0;
        filled += present(asset.operatingSystem()) ? 1 : 0;
        filled += asset.cpuCores() != null ? 1 : 0;
        filled += asset.memoryGb() != null ? 1 : 0;
        filled += asset.storageGb() != null ? 1 : 0;
        filled += asset.cpuUtilizationPct() != null ? 1 : 0;
        filled += present(asset.criticality()) ? 1 : 0;
        filled += present(asset.applicationName()) || (asset.technologyStack() != null && !asset.technologyStack().isEmpty()) ? 1 : 0;
        filled += present(asset.businessOwner()) || present(asset.technicalOwner()) ? 1 : 0;
        return filled * 100.0 / 8;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
