package io.migrationplatform.discovery.cleansing;

import static io.migrationplatform.discovery.cleansing.Converters.attributes;
import static io.migrationplatform.discovery.cleansing.Converters.converter;
import static io.migrationplatform.discovery.cleansing.Converters.to;
import static io.migrationplatform.discovery.cleansing.Converters.valid;
import static io.migrationplatform.discovery.cleansing.Converters.warningColumns;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.discovery.mapping.ColumnMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row of a CMDB / Azure Migrate style export, end to end: the body, what it depends on, and the warnings. */
class RowConverterTest {

    static final List<ColumnMapping> MAPPINGS = List.of(
            to("Name", "name"), to("CI ID", "external_id"), to("Host Name", "hostname"), to("IP Address", "ip_addresses"),
            to("Memory (MB)", "memory_gb", "MB"),
            to("Disk 1 Size (GB)", "storage_gb", "GB"), to("Disk 2 Size (GB)", "storage_gb", "GB"),
            to("Disk 3 Size (GB)", "storage_gb", "GB"),
            to("Environment", "environment"), to("CI Type", "asset_type"), to("OS", "operating_system"),
            to("Tech Stack", "technology_stack"), to("Depends On", "dependencies"), to("Description", "attributes"));
    static final RowConverter CONVERTER = converter(MAPPINGS, "Owner");
    static final List<String> COLUMNS = new ArrayList<>(MAPPINGS.stream().map(ColumnMapping::sourceColumn).toList());

    static {
        COLUMNS.add("Owner");
    }

    /** Alternating keys and values, in order. */
    static Map<String, Object> kv(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The row's cells in column order, from "Column", "value" pairs; other cells empty. */
    static List<String> cells(Object... pairs) {
        Map<String, Object> byColumn = kv(pairs);
        assertThat(COLUMNS).containsAll(byColumn.keySet());
        return COLUMNS.stream().map(c -> (String) byColumn.getOrDefault(c, "")).toList();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a complete row",
                        cells("Name", "web-prod-01", "CI ID", "CI001", "Host Name", "web-prod-01.corp.example.com",
                                "IP Address", "10.0.0.1; 10.0.0.2", "Memory (MB)", "16384", "Disk 1 Size (GB)", "100",
                                "Disk 2 Size (GB)", "50,5", "Disk 3 Size (GB)", "N/A", "Environment", "Production",
                                "CI Type", "Virtual Machine", "OS", "Red Hat Enterprise Linux 7.9", "Depends On", "db-prod-01, lb-01",
                                "Description", "Primary web server", "Owner", "J. Smith"),
                        kv("name", "web-prod-01", "external_id", "CI001", "hostname", "web-prod-01",
                                "fqdn", "web-prod-01.corp.example.com", "ip_addresses", List.of("10.0.0.1", "10.0.0.2"),
                                "memory_gb", 16.0, "storage_gb", 150.5, "environment", "prod", "asset_type", "virtual_machine",
                                "operating_system", "Red Hat Enterprise Linux 7.9", "os_version", "7.9"),
                        kv("Description", "Primary web server", "Owner", "J. Smith", "source_environment", "Production",
                                "source_asset_type", "Virtual Machine", "os_family", "linux"),
                        List.of(), List.of("db-prod-01", "lb-01")),
                Arguments.of("placeholders everywhere but the name",
                        cells("Name", "app-01", "CI ID", "-", "IP Address", "N/A", "Memory (MB)", "null", "Disk 1 Size (GB)", "none",
                                "Disk 2 Size (GB)", "--", "Environment", "n/a", "CI Type", "TBD", "OS", "Unknown", "Depends On", "N/A",
                                "Owner", "?"),
                        kv("name", "app-01", "environment", "prod", "asset_type", "other"), kv(),
                        List.of("environment", "asset_type"), List.of()),
                Arguments.of("decimal commas, thousands separators and units in the values",
                        cells("Name", "db-prod-02", "Memory (MB)", "16 384", "Disk 1 Size (GB)", "1.024,5", "Disk 2 Size (GB)", "1,024",
                                "Disk 3 Size (GB)", "512 MB", "Environment", "PRD", "CI Type", "Database"),
                        kv("memory_gb", 16.0, "storage_gb", 2049.0, "environment", "prod", "asset_type", "database"),
                        kv("source_environment", "PRD"), List.of(), List.of()),
                Arguments.of("sizes with their own unit win over the column's",
                        cells("Name", "fs-01", "Memory (MB)", "16 GB", "Disk 1 Size (GB)", "2 TB", "Disk 2 Size (GB)", "512 MB",
                                "Environment", "prod", "CI Type", "Storage"),
                        kv("memory_gb", 16.0, "storage_gb", 2048.5, "asset_type", "storage"), kv(), List.of(), List.of()),
                Arguments.of("a bad IP is kept aside, the good ones canonical",
                        cells("Name", "app-02", "IP Address", "10.0.0.300, 10.1.2.3 | fe80::1 ; 10.1.2.3", "Environment", "DEV",
                                "CI Type", "Application"),
                        kv("ip_addresses", List.of("10.1.2.3", "fe80:0:0:0:0:0:0:1"), "environment", "dev"),
                        kv("invalid_ip_addresses", "10.0.0.300"), List.of("IP Address"), List.of()),
                Arguments.of("addresses separated by spaces",
                        cells("Name", "app-03", "IP Address", "10.0.0.1 10.0.0.2", "Environment", "UAT", "CI Type", "Server"),
                        kv("ip_addresses", List.of("10.0.0.1", "10.0.0.2"), "environment", "test"), kv(), List.of(), List.of()),
                Arguments.of("an unknown environment is planned as prod and kept",
                        cells("Name", "lab-01", "Environment", "Lab", "CI Type", "Server"),
                        kv("environment", "prod"), kv("source_environment", "Lab"), List.of("environment"), List.of()),
                Arguments.of("disaster recovery is prod, the raw value kept",
                        cells("Name", "dr-01", "Environment", "DR", "CI Type", "Server"),
                        kv("environment", "prod"), kv("source_environment", "DR"), List.of(), List.of()),
                Arguments.of("Pre Prod is staging",
                        cells("Name", "pp-01", "Environment", "Pre Prod", "CI Type", "Server"),
                        kv("environment", "staging"), kv("source_environment", "Pre Prod"), List.of(), List.of()),
                Arguments.of("a missing type is inferred from a database-like name",
                        cells("Name", "db-prod-01", "Environment", "Production"),
                        kv("asset_type", "database"), kv(), List.of("asset_type"), List.of()),
                Arguments.of("an unknown type is inferred too, and kept",
                        cells("Name", "lb-01", "Environment", "Production", "CI Type", "Appliance"),
                        kv("asset_type", "load_balancer"), kv("source_asset_type", "Appliance"), List.of("asset_type"), List.of()),
                Arguments.of("a host with an OS and no type is a server",
                        cells("Name", "web-01", "Environment", "prod", "OS", "Windows Server 2019 Datacenter"),
                        kv("asset_type", "server", "operating_system", "Windows Server 2019 Datacenter", "os_version", "2019"),
                        kv("os_family", "windows"), List.of("asset_type"), List.of()),
                Arguments.of("an FQDN in the host column, no name: named after the host, and told so",
                        cells("Host Name", " WEB01.Corp.Example.COM. ", "Environment", "prod", "CI Type", "VM"),
                        kv("name", "WEB01", "hostname", "WEB01", "fqdn", "web01.corp.example.com"), kv(), List.of("name"), List.of()),
                Arguments.of("an IP address in the host column is no FQDN",
                        cells("Host Name", "10.0.0.9", "Environment", "prod", "CI Type", "VM"),
                        kv("name", "10.0.0.9", "hostname", "10.0.0.9"), kv(), List.of("name"), List.of()),
                Arguments.of("only an external id",
                        cells("CI ID", "CI0012345"),
                        kv("name", "CI0012345", "external_id", "CI0012345", "environment", "prod", "asset_type", "other"), kv(),
                        List.of("name", "environment", "asset_type"), List.of()),
                Arguments.of("a technology in the OS column, merged with the technology column",
                        cells("Name", "LEGACY-BILLING", "Environment", "prod", "CI Type", "Application", "OS", "IBM DB2",
                                "Tech Stack", "COBOL; CICS", "Depends On", "LEGACY-DB|MQ-01"),
                        kv("technology_stack", List.of("IBM DB2", "COBOL", "CICS"), "database_type", "db2"),
                        kv("source_operating_system", "IBM DB2"), List.of(), List.of("LEGACY-DB", "MQ-01")),
                Arguments.of("Java 8 Spring in the OS column is no OS",
                        cells("Name", "orders-svc", "Environment", "prod", "CI Type", "Service", "OS", "Java 8 Spring",
                                "Tech Stack", "Tomcat, Java 8 Spring"),
                        kv("technology_stack", List.of("Java 8 Spring", "Tomcat")), kv("source_operating_system", "Java 8 Spring"),
                        List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void convertsARealisticRow(String description, List<String> cells, Map<String, Object> body, Map<String, Object> attributes,
                               List<String> warnings, List<String> dependencies) {
        RowConverter.Converted converted = CONVERTER.convert(cells, List.of());

        assertThat(converted.body()).as("body").containsAllEntriesOf(body);
        assertThat(attributes(converted)).as("attributes").containsAllEntriesOf(attributes);
        assertThat(warningColumns(converted)).as("warnings: " + converted.issues()).containsExactlyElementsOf(warnings);
        assertThat(converted.dependencyRefs()).containsExactlyElementsOf(dependencies);
        valid(converted);
    }

    @Test
    void placeholdersLeaveNothingBehind() {
        RowConverter.Converted converted = CONVERTER.convert(cells("Name", "app-01", "IP Address", "N/A", "Owner", "none"), null);
        assertThat(converted.body()).containsOnlyKeys("name", "environment", "asset_type");
        assertThat(converted.issues()).extracting(RowConverter.Issue::value).containsOnlyNulls();
    }

    @Test
    void theTechnologyFromTheOsColumnIsNotAnOperatingSystem() {
        RowConverter.Converted converted = CONVERTER.convert(cells("Name", "x", "OS", "COBOL CICS"), List.of());
        assertThat(converted.body()).doesNotContainKey("operating_system").containsEntry("technology_stack", List.of("COBOL CICS"));
    }

    @Test
    void theUnrecognisedEnvironmentIsNamedInTheWarning() {
        RowConverter.Converted converted = CONVERTER.convert(cells("Name", "lab-01", "Environment", "Lab", "CI Type", "VM"), null);
        assertThat(converted.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.value()).isEqualTo("Lab");
            assertThat(issue.reason()).contains("prod");
            assertThat(issue.error()).isFalse();
        });
    }

    @Test
    void aRaggedRowKeepsItsExtraCellsAndAShortRowIsFine() {
        RowConverter.Converted ragged = CONVERTER.convert(cells("Name", "web-09", "Environment", "prod"), List.of("x", "y 2"));
        assertThat(attributes(ragged)).containsEntry("extra_cells", "x | y 2");
        valid(ragged);

        RowConverter.Converted shorter = CONVERTER.convert(List.of("web-10", "CI010"), List.of());
        assertThat(shorter.body()).containsEntry("name", "web-10").containsEntry("external_id", "CI010");
        valid(shorter);
    }

    @Test
    void mapThenCleanseIsConvert() {
        List<String> row = cells("Name", "web-prod-01", "Disk 1 Size (GB)", "10", "Disk 2 Size (GB)", "20", "Depends On", "a;b");
        RowConverter.MappedRow mapped = CONVERTER.map(row, List.of());
        assertThat(mapped.byTarget().get("storage_gb")).extracting(RowConverter.Cell::unit).containsExactly("GB", "GB");
        assertThat(mapped.dependencyRefs()).containsExactly("a", "b");
        assertThat(CONVERTER.cleanse(mapped)).isEqualTo(CONVERTER.convert(row, List.of()));
    }
}
