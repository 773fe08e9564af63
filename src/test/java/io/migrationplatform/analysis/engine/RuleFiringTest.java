package io.migrationplatform.analysis.engine;

import static io.migrationplatform.analysis.engine.TestAssets.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.assets.Asset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per rule of rules.csv: an asset that makes the rule fire, and a near twin that must not.
 * A rule without a row here fails {@link #everyRuleHasARow()}, so a new rule comes with its test.
 */
class RuleFiringTest {

    private static final AnalysisEngine ENGINE = AnalysisEngine.load();
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
    private static final DependencyCounts NONE = new DependencyCounts(0, 0, false);
    /** A well-described, supported, busy server: fires almost nothing by itself. */
    private static final Object[] PLAIN = {"operating_system", "Red Hat Enterprise Linux 9.4", "cpu_cores", 4, "memory_gb", 16,
            "storage_gb", 200, "cpu_utilization_pct", 35, "criticality", "medium", "application_name", "Orders",
            "business_owner", "Ops"};

    static Stream<Arguments> rules() {
        return Stream.of(
                row("baseline", plain(), NONE, null, null),
                row("too_little_data", asset("name", "x"), NONE, plain(), NONE),
                row("incomplete_data", asset("operating_system", "RHEL 9", "cpu_cores", 2), NONE, plain(), NONE),
                row("decommissioned", plain("status", "decommissioned"), NONE, plain("status", "active"), NONE),
                row("inactive_unused", plain("status", "inactive"), NONE, plain("status", "inactive"), deps(0, 1)),
                row("duplicate", plain("attributes", Map.of("duplicate_of", "Power BI")), NONE, plain("attributes", Map.of("duplicate_of", "")), NONE),
                row("idle", plain("cpu_utilization_pct", 4), NONE, plain("cpu_utilization_pct", 4), deps(0, 1)),
                row("nearly_idle", plain("cpu_utilization_pct", 1.5), NONE, plain("cpu_utilization_pct", 2), NONE),
                row("long_unused", plain("cpu_utilization_pct", 10, "attributes", Map.of("last_login_days", 400)), NONE,
                        plain("cpu_utilization_pct", 10, "attributes", Map.of("last_login_days", 20)), NONE),
                row("long_unused_load_unknown", plain("cpu_utilization_pct", null, "attributes", Map.of("last_login_days", 400)), NONE,
                        plain("cpu_utilization_pct", 10, "attributes", Map.of("last_login_days", 400)), NONE),
                row("does_real_work", plain(), NONE, plain("cpu_utilization_pct", 10), NONE),
                row("critical_not_retired_on_usage", plain("criticality", "critical"), NONE, plain(), NONE),
                row("production_data", plain("asset_type", "database"), NONE, plain("asset_type", "database", "environment", "dev"), NONE),
                row("database_recent_end_of_life", plain("database_type", "PostgreSQL 14"), NONE, plain("database_type", "PostgreSQL 9.6"), NONE),
                row("network_device", plain("asset_type", "network"), NONE, plain("asset_type", "network", "technology_stack", List.of("Cisco IOS")), NONE),
                row("recently_used", plain("attributes", Map.of("last_login_days", "3")), NONE, plain("attributes", Map.of("last_login_days", 30)), NONE),
                row("busy_at_peaks", plain("attributes", Map.of("peak_cpu_utilization_pct", 70)), NONE, plain("attributes", Map.of("peak_cpu_utilization_pct", 40)), NONE),
                row("still_depended_on", plain(), deps(0, 1), plain(), NONE),
                row("low_utilisation", plain("cpu_utilization_pct", 10), NONE, plain(), NONE),
                row("high_utilisation", plain("cpu_utilization_pct", 95), NONE, plain("cpu_utilization_pct", 80), NONE),
                row("os_end_of_life", plain("operating_system", "Windows 2008 R2"), NONE, plain(), NONE),
                row("os_end_of_life_rebuild", plain("operating_system", "CentOS 6"), NONE, plain("operating_system", "CentOS 6", "asset_type", "database"), NONE),
                row("os_long_end_of_life", plain("operating_system", "CentOS 6"), NONE, plain("operating_system", "CentOS 7"), NONE),
                row("os_extended_support", plain("operating_system", "Red Hat Enterprise Linux 7.9"), NONE, plain(), NONE),
                row("os_not_identified", plain("operating_system", "Linux"), NONE, plain(), NONE),
                row("windows_server", plain("operating_system", "Windows Server 2022"), NONE, plain(), NONE),
                row("proprietary_unix", plain("operating_system", "AIX 7.1"), NONE, plain(), NONE),
                row("midrange", plain("technology_stack", List.of("AS/400", "RPG")), NONE, plain(), NONE),
                row("mainframe", plain("technology_stack", List.of("COBOL", "CICS")), NONE, plain("technology_stack", List.of("COBOL")), NONE),
                row("legacy_language", plain("technology_stack", List.of("COBOL")), NONE, plain(), NONE),
                row("language_major_upgrade", plain("technology_stack", List.of("Python 2.7")), NONE, plain("technology_stack", List.of("Python 3.12")), NONE),
                row("legacy_middleware", plain("technology_stack", List.of("Tuxedo")), NONE, plain(), NONE),
                row("legacy_marker", plain("name", "Legacy billing"), NONE, plain(), NONE),
                row("database_asset", plain("asset_type", "database"), NONE, plain(), NONE),
                row("database_end_of_life", plain("database_type", "PostgreSQL 9.6"), NONE, plain("database_type", "PostgreSQL 16"), NONE),
                row("database_extended_support", plain("database_type", "SQL Server 2014"), NONE, plain("database_type", "SQL Server 2022"), NONE),
                row("commercial_database", plain("database_type", "IBM DB2"), NONE, plain("database_type", "PostgreSQL 16"), NONE),
                row("clustered_database", plain("technology_stack", List.of("Oracle RAC")), NONE, plain(), NONE),
                row("runtime_long_end_of_life", plain("technology_stack", List.of("Node.js 16")), NONE, plain("technology_stack", List.of("Node.js 22")), NONE),
                row("application_on_dead_runtime", plain("technology_stack", List.of("Node.js 16"), "asset_type", "service"), NONE,
                        plain("technology_stack", List.of("Node.js 16")), NONE),
                row("runtime_recent_end_of_life", plain("technology_stack", List.of(".NET 8")), NONE, plain("technology_stack", List.of("Node.js 16")), NONE),
                row("runtime_end_of_support", plain("technology_stack", List.of("Java 8")), NONE, plain(), NONE),
                row("supported_runtime", plain("technology_stack", List.of("Node.js 22")), NONE, plain(), NONE),
                row("containerised", plain("technology_stack", List.of("Docker")), NONE, plain(), NONE),
                row("cloud_native", plain("technology_stack", List.of("Spring Boot")), NONE, plain("technology_stack", List.of("Spring")), NONE),
                row("static_site", plain("attributes", Map.of("description", "Static website for the brand")), NONE, plain(), NONE),
                row("dotnet_framework", plain("technology_stack", List.of(".NET Framework 4.8")), NONE, plain("technology_stack", List.of("IIS")), NONE),
                row("commercial_middleware", plain("technology_stack", List.of("WebLogic")), NONE, plain(), NONE),
                row("commercial_erp", plain("application_name", "SAP ECC"), NONE, plain("application_name", "Sapphire portal"), NONE),
                row("cloud_certified", plain("attributes", Map.of("cloud_certified", "AWS")), NONE, plain(), NONE),
                row("saas_replaceable", plain("application_name", "Siebel"), NONE, plain(), NONE),
                row("saas_replacement_named", plain("attributes", Map.of("saas_replacement", "Salesforce")), NONE, plain("attributes", Map.of("saas_replacement", "none")), NONE),
                row("third_party", plain("operating_system", "Third Party"), NONE, plain("operating_system", "Third Party", "application_name", "CRM"), NONE),
                row("appliance", plain("technology_stack", List.of("F5 BIG-IP")), NONE, plain(), NONE),
                row("vdi", plain("technology_stack", List.of("Citrix")), NONE, plain(), NONE),
                row("big_data", plain("technology_stack", List.of("Hadoop")), NONE, plain(), NONE),
                row("vmware_vm", plain("asset_type", "virtual_machine", "tags", List.of("vmware")), NONE, plain("tags", List.of("vmware")), NONE),
                row("vmware_named", plain("tags", List.of("vmware")), NONE, plain("asset_type", "virtual_machine", "tags", List.of("vmware")), NONE),
                row("relocate_target", plain("attributes", Map.of("migration_target", "Azure VMware Solution")), NONE, plain("attributes", Map.of("migration_target", "EC2")), NONE),
                row("vendor_certified_vmware", plain("attributes", Map.of("vendor_certified_platforms", "VMware vSphere only")), NONE, plain(), NONE),
                row("hardware_dependency", plain("attributes", Map.of("hardware_dependency", "HSM")), NONE, plain("attributes", Map.of("hardware_dependency", false)), NONE),
                row("hardware_keyword", plain("technology_stack", List.of("USB dongle")), NONE, plain("technology_stack", List.of("USB dongle"), "attributes", Map.of("hardware_dependency", "dongle")), NONE),
                row("data_residency", plain("attributes", Map.of("data_residency", "on-premises only")), NONE, plain(), NONE),
                row("compliance", plain("attributes", Map.of("compliance", "PCI-DSS")), NONE, plain(), NONE),
                row("file_server", plain("name", "File server 3"), NONE, plain(), NONE),
                row("infrastructure_tool", plain("technology_stack", List.of("Veeam")), NONE, plain(), NONE),
                row("many_dependents", plain(), deps(0, 10), plain(), deps(0, 9)),
                row("some_dependents", plain(), deps(0, 3), plain(), deps(0, 10)),
                row("many_dependencies", plain(), deps(10, 0), plain(), deps(9, 0)),
                row("some_dependencies", plain(), deps(3, 0), plain(), deps(2, 0)),
                row("in_cycle", plain(), new DependencyCounts(1, 1, true), plain(), deps(1, 1)),
                row("critical_in_cycle", plain("criticality", "critical"), new DependencyCounts(1, 1, true), plain(), new DependencyCounts(1, 1, true)),
                row("critical_production", plain("criticality", "critical"), NONE, plain("criticality", "critical", "environment", "dev"), NONE),
                row("non_production", plain("environment", "test"), NONE, plain("environment", "staging"), NONE),
                row("large_compute", plain("cpu_cores", 64), NONE, plain(), NONE),
                row("large_memory", plain("memory_gb", 512), NONE, plain(), NONE),
                row("large_storage", plain("storage_gb", 20000), NONE, plain(), NONE),
                row("very_large_storage", plain("storage_gb", 200000), NONE, plain("storage_gb", 20000), NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleFiresOnItsAssetAndNotOnItsTwin(String rule, Asset firing, DependencyCounts counts, Asset twin, DependencyCounts twinCounts) {
        assertThat(fired(firing, counts)).as("rules fired for the asset that should trigger %s", rule).contains(rule);
        if (twin != null) {
            assertThat(fired(twin, twinCounts)).as("rules fired for the near twin of %s", rule).doesNotContain(rule);
        }
    }

    @Test
    void everyRuleHasARow() {
        Set<String> tested = rules().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> defined = RuleSet.load().rules().stream().map(Rule::id).collect(Collectors.toSet());
        assertThat(tested).containsExactlyInAnyOrderElementsOf(defined);
    }

    private static List<String> fired(Asset asset, DependencyCounts counts) {
        AssetAnalysis analysis = ENGINE.analyze(asset, counts, AS_OF, Instant.EPOCH);
        return analysis.reasons().stream().map(AssetAnalysis.Reason::rule).toList();
    }

    private static Arguments row(String rule, Asset firing, DependencyCounts counts, Asset twin, DependencyCounts twinCounts) {
        return Arguments.of(rule, firing, counts, twin, twinCounts);
    }

    private static DependencyCounts deps(int dependsOn, int dependents) {
        return new DependencyCounts(dependsOn, dependents, false);
    }

    private static Asset plain(Object... overrides) {
        Object[] all = new Object[PLAIN.length + overrides.length];
        System.arraycopy(PLAIN, 0, all, 0, PLAIN.length);
        System.arraycopy(overrides, 0, all, PLAIN.length, overrides.length);
        return asset(all);
    }
}
