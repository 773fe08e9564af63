package io.migrationplatform.discovery.cleansing;

import static io.migrationplatform.discovery.cleansing.Converters.attributes;
import static io.migrationplatform.discovery.cleansing.Converters.converter;
import static io.migrationplatform.discovery.cleansing.Converters.row;
import static io.migrationplatform.discovery.cleansing.Converters.to;
import static io.migrationplatform.discovery.cleansing.Converters.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.assets.AssetField;
import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.discovery.mapping.ColumnMapping;
import io.migrationplatform.platform.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values out of the asset rules' ranges, and rows identified only by a host: a row with a usable name, host or id
 * always produces a body the asset rules accept; what does not fit is kept in attributes with a warning.
 */
class RowConverterLimitsTest {

    static final List<ColumnMapping> MAPPINGS = List.of(
            to("Name", "name"), to("vCPU", "cpu_cores"), to("Memory", "memory_gb", "MB"), to("Disk", "storage_gb", "GB"),
            to("CPU %", "cpu_utilization_pct"), to("Mem %", "memory_utilization_pct"), to("Wave", "migration_wave"),
            to("Status", "status"), to("Criticality", "criticality"), to("6R", "six_r_strategy"), to("Tags", "tags"),
            to("OS", "operating_system"), to("Department", "department"));
    static final RowConverter CONVERTER = converter(MAPPINGS);

    /** One cell of the row above, the others empty, on a server named srv-01 in prod. */
    static RowConverter.Converted one(String column, String value) {
        String[] cells = new String[MAPPINGS.size()];
        Arrays.fill(cells, "");
        cells[0] = "srv-01";
        for (int i = 0; i < MAPPINGS.size(); i++) {
            if (MAPPINGS.get(i).sourceColumn().equals(column)) {
                cells[i] = value;
            }
        }
        return CONVERTER.convert(row(cells), List.of());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" → {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            vCPU        | 4 vCPU  | cpu_cores              | 4
            vCPU        | 2.5     | cpu_cores              | 3
            vCPU        | '1,024' | cpu_cores              | 1024
            Memory      | 8192    | memory_gb              | 8.0
            Memory      | '1,5 GB' | memory_gb             | 1.5
            Disk        | 0       | storage_gb             | 0.0
            CPU %       | 45 %    | cpu_utilization_pct    | 45.0
            CPU %       | '12,75' | cpu_utilization_pct    | 12.75
            Mem %       | 100     | memory_utilization_pct | 100.0
            Wave        | Wave 3  | migration_wave         | 3
            Status      | poweredOn | status               | active
            Status      | poweredOff | status              | inactive
            Criticality | Tier 1  | criticality            | critical
            6R          | Rehost  | six_r_strategy         | rehost
            Department  | Finance | department             | Finance
            """)
    void aUsableValueIsTaken(String column, String value, String field, String expected) {
        RowConverter.Converted converted = one(column, value);
        assertThat(String.valueOf(converted.body().get(field))).isEqualTo(expected);
        assertThat(converted.issues()).extracting(RowConverter.Issue::column).containsOnly("environment", "asset_type");
        valid(converted);
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is kept in attributes.{2}")
    @CsvSource(delimiter = '|', textBlock = """
            vCPU        | abc       | source_cpu_cores
            vCPU        | -2        | source_cpu_cores
            vCPU        | 999999    | source_cpu_cores
            vCPU        | 10.0.0.1  | source_cpu_cores
            Memory      | -512      | source_memory_gb
            Memory      | 17179869184 | source_memory_gb
            Disk        | -5 GB     | source_storage_gb
            Disk        | lots      | source_storage_gb
            CPU %       | 200%      | source_cpu_utilization_pct
            CPU %       | -1        | source_cpu_utilization_pct
            Mem %       | high      | source_memory_utilization_pct
            Wave        | 0         | source_migration_wave
            Wave        | 100001    | source_migration_wave
            Status      | Rebooting | source_status
            Criticality | Extreme   | source_criticality
            6R          | Rewrite   | source_six_r_strategy
            """)
    void anUnusableValueIsKeptAsideWithAWarning(String column, String value, String attribute) {
        RowConverter.Converted converted = one(column, value);
        String field = attribute.substring("source_".length());
        assertThat(converted.body()).doesNotContainKey(field);
        assertThat(attributes(converted)).containsEntry(attribute, value);
        assertThat(converted.issues()).anySatisfy(issue -> {
            assertThat(issue.column()).isEqualTo(column);
            assertThat(issue.value()).isEqualTo(value);
            assertThat(issue.error()).isFalse();
        });
        valid(converted);
    }

    @Test
    void aNegativeDiskDoesNotReduceTheOthers() {
        RowConverter converter = converter(List.of(to("VM", "name"), to("Disk 1", "storage_gb", "GB"),
                to("Disk 2", "storage_gb", "GB"), to("Disk 3", "storage_gb", "GB")));
        RowConverter.Converted converted = converter.convert(row("vm-1", "100", "-5", "1 TB"), List.of());
        assertThat(converted.body()).containsEntry("storage_gb", 1124.0);
        assertThat(attributes(converted)).containsEntry("source_storage_gb", "-5");
        valid(converted);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tooManyTagsAndTooLongTextsAreKeptAside() {
        String tags = IntStream.rangeClosed(1, 60).mapToObj(i -> "tag" + i).collect(Collectors.joining(";"));
        RowConverter.Converted many = one("Tags", tags);
        assertThat((List<Object>) many.body().get("tags")).hasSize(50).startsWith("tag1").endsWith("tag50");
        assertThat((String) attributes(many).get("source_tags")).startsWith("tag51, ").endsWith("tag60");
        valid(many);

        RowConverter.Converted longOs = one("OS", "Linux " + "x".repeat(300));
        assertThat(longOs.body()).doesNotContainKey("operating_system");
        assertThat((String) attributes(longOs).get("source_operating_system")).hasSize(306);
        assertThat(longOs.issues()).extracting(RowConverter.Issue::column).contains("operating_system");
        valid(longOs);
    }

    @Test
    void moreThan32AddressesKeepTheRestInAttributes() {
        RowConverter converter = converter(List.of(to("Name", "name"), to("IPs", "ip_addresses")));
        String ips = IntStream.rangeClosed(1, 40).mapToObj(i -> "10.0.0." + i).collect(Collectors.joining(", "));
        RowConverter.Converted converted = converter.convert(row("web-1", ips), List.of());
        assertThat((List<?>) converted.body().get("ip_addresses")).hasSize(32);
        assertThat(attributes(converted)).containsEntry("more_ip_addresses", "10.0.0.33, 10.0.0.34, 10.0.0.35, 10.0.0.36, "
                + "10.0.0.37, 10.0.0.38, 10.0.0.39, 10.0.0.40");
        valid(converted);
    }

    @Test
    void aHostColumnWithoutANameColumnIsBothNameAndHostname() {
        RowConverter converter = converter(List.of(to("hostname", "name"), to("Env", "environment")));
        RowConverter.Converted converted = converter.convert(row("app02.corp.local", "DEV"), List.of());
        assertThat(converted.body()).containsEntry("name", "app02.corp.local").containsEntry("hostname", "app02")
                .containsEntry("fqdn", "app02.corp.local").containsEntry("environment", "dev").containsEntry("asset_type", "other");
        valid(converted);
    }

    @Test
    void aNameLongerThan255CharactersIsRejectedByTheAssetRules() {
        RowConverter.Converted converted = CONVERTER.convert(row("x".repeat(256)), List.of());
        assertThatThrownBy(() -> AssetValidator.validate(converted.body(), true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .singleElement().satisfies(f -> {
                            assertThat(f.field()).isEqualTo(AssetField.NAME.jsonName());
                            assertThat(f.type()).isEqualTo("string_too_long");
                        }));
        valid(CONVERTER.convert(row("x".repeat(255)), List.of()));
    }

    @Test
    void aRowWithoutAnyIdentityHasNoName() {
        RowConverter.Converted converted = CONVERTER.convert(row("", "4", "8192"), List.of());
        assertThat(converted.body()).doesNotContainKey("name").containsEntry("cpu_cores", 4);
        assertThatThrownBy(() -> AssetValidator.validate(converted.body(), true)).isInstanceOf(ValidationException.class);
    }
}
