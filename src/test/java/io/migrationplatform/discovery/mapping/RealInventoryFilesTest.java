package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four sample exports of /work/shared/data/inventory: their headers are copied here, with the full mapping. */
class RealInventoryFilesTest {

    private static final Path INVENTORY = Path.of("/work/shared/data/inventory");

    static final String ENTERPRISE_CMDB = """
            asset_id     | external_id      | known_synonym | -
            asset_name   | name             | known_synonym | -
            asset_type   | asset_type       | exact_name    | -
            ip_address   | ip_addresses     | known_synonym | -
            os           | operating_system | known_synonym | -
            environment  | environment      | exact_name    | -
            criticality  | criticality      | exact_name    | -
            owner        | business_owner   | known_synonym | -
            department   | department       | exact_name    | -
            location     | location         | exact_name    | -
            dependencies | dependencies     | exact_name    | -
            description  | attributes       | known_synonym | -
            last_updated | attributes       | known_synonym | -
            """;

    static final String SEMICOLON_DEPS = """
            asset_name       | name             | known_synonym | -
            asset_type       | asset_type       | exact_name    | -
            environment      | environment      | exact_name    | -
            ip_address       | ip_addresses     | known_synonym | -
            operating_system | operating_system | exact_name    | -
            cpu_count        | cpu_cores        | known_synonym | -
            memory_gb        | memory_gb        | exact_name    | GB
            storage_gb       | storage_gb       | exact_name    | GB
            dependencies     | dependencies     | exact_name    | -
            """;

    // "Name" is the CI name and "Host Name" its FQDN: both exist, so each keeps its own field.
    static final String SERVICENOW = """
            CI Type     | asset_type       | known_synonym   | -
            Name        | name             | exact_name      | -
            Host Name   | hostname         | known_synonym   | -
            IP Address  | ip_addresses     | known_synonym   | -
            OS          | operating_system | known_synonym   | -
            Environment | environment      | exact_name      | -
            Application | application_name | known_synonym   | -
            Department  | department       | exact_name      | -
            Owner       | business_owner   | known_synonym   | -
            Status      | status           | exact_name      | -
            Description | attributes       | known_synonym   | -
            Location    | location         | exact_name      | -
            CPU Cores   | cpu_cores        | normalized_name | -
            Memory GB   | memory_gb        | known_synonym   | GB
            Storage GB  | storage_gb       | known_synonym   | GB
            """;

    // Status_Code holds UP/DOWN: monitoring reachability, not the lifecycle statuses of an asset
    // (active/inactive/migrating/decommissioned), so it is kept as an attribute instead of being forced into status.
    static final String NONSTANDARD = """
            Device_ID         | external_id     | known_synonym | -
            Device_Name       | name            | known_synonym | -
            Device_Type       | asset_type      | known_synonym | -
            IP_Address        | ip_addresses    | known_synonym | -
            Status_Code       | attributes      | known_synonym | -
            Last_Health_Check | attributes      | known_synonym | -
            Uptime_Hours      | attributes      | known_synonym | -
            Location          | location        | exact_name    | -
            Managed_By        | technical_owner | known_synonym | -
            """;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("enterprise-cmdb-20.csv", ENTERPRISE_CMDB),
                Arguments.of("assets-40-semicolon-deps.csv", SEMICOLON_DEPS),
                Arguments.of("servicenow-style-18.csv", SERVICENOW),
                Arguments.of("nonstandard-headers-5.csv", NONSTANDARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void mapsEveryColumnOfTheSampleFile(String file, String expected) {
        MappingSuggestion suggestion = ExpectedMappings.assertSuggestion(expected, MappingSuggestion.CMDB);

        assertThat(suggestion.forTarget("name")).hasSize(1);
    }

    /** The copies above must stay the real headers; skipped where the shared data is not mounted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void copiedHeadersAreTheFilesHeaders(String file, String expected) throws IOException {
        Path path = INVENTORY.resolve(file);
        assumeTrue(Files.isReadable(path), "sample data not available: " + path);
        String headerLine;
        try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            headerLine = reader.readLine().replace("\uFEFF", "");
        }

        assertThat(List.of(headerLine.split(","))).containsExactlyElementsOf(ExpectedMappings.columns(expected));
    }
}
