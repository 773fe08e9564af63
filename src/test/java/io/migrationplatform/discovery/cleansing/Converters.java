package io.migrationplatform.discovery.cleansing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.assets.AssetValues;
import io.migrationplatform.discovery.mapping.ColumnMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small helpers for building a {@link RowConverter} and reading what it produced. */
final class Converters {

    private Converters() {
    }

    static ColumnMapping to(String column, String target) {
        return new ColumnMapping(column, target, 0.9, ColumnMapping.KNOWN_SYNONYM, null);
    }

    static ColumnMapping to(String column, String target, String unit) {
        return new ColumnMapping(column, target, 0.9, ColumnMapping.KNOWN_SYNONYM, unit);
    }

    /** A converter whose columns are those of the mappings, in order, plus unmapped extra columns. */
    static RowConverter converter(List<ColumnMapping> mappings, String... unmappedColumns) {
        List<String> columns = new ArrayList<>(mappings.stream().map(ColumnMapping::sourceColumn).toList());
        columns.addAll(Arrays.asList(unmappedColumns));
        return new RowConverter(columns, mappings);
    }

    /** The cells of a row; null and "" both stand for an empty cell. */
    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(RowConverter.Converted converted) {
        Object attributes = converted.body().get("attributes");
        return attributes == null ? Map.of() : (Map<String, Object>) attributes;
    }

    /** The body must pass the asset rules as a create, as the importer does with every row. */
    static AssetValues valid(RowConverter.Converted converted) {
        AssetValues[] values = new AssetValues[1];
        assertThatCode(() -> values[0] = AssetValidator.validate(converted.body(), true)).as(converted.body().toString())
                .doesNotThrowAnyException();
        return values[0];
    }

    static List<String> warningColumns(RowConverter.Converted converted) {
        assertThat(converted.issues()).allSatisfy(i -> assertThat(i.error()).isFalse());
        return converted.issues().stream().map(RowConverter.Issue::column).toList();
    }
}
