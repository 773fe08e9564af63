package io.migrationplatform.discovery.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

/** Expected mappings written as a table, one "column | target | reason | unit" row a line ("-" for no unit). */
final class ExpectedMappings {

    record Row(String column, String target, String reason, String unit) {
    }

    private ExpectedMappings() {
    }

    static List<Row> parse(String table) {
        return table.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            String[] cells = Stream.of(line.split("\\|")).map(String::strip).toArray(String[]::new);
            if (cells.length != 4) {
                throw new IllegalArgumentException("expected 4 cells: " + line);
            }
            return new Row(cells[0], cells[1], cells[2], "-".equals(cells[3]) ? null : cells[3]);
        }).toList();
    }

    static List<String> columns(String table) {
        return parse(table).stream().map(Row::column).toList();
    }

    /** Suggests for the table's columns (in order) and checks every row, then the invariants of any suggestion. */
    static MappingSuggestion assertSuggestion(String table, String sourceType) {
        List<Row> expected = parse(table);
        MappingSuggestion suggestion = MappingSuggester.suggest(expected.stream().map(Row::column).toList());
        assertThat(suggestion.sourceType()).isEqualTo(sourceType);
        List<Row> actual = suggestion.mappings().stream()
                .map(m -> new Row(m.sourceColumn(), m.targetField(), m.reason(), m.unit())).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertInvariants(suggestion, expected.size());
        return suggestion;
    }

    /** What holds for every suggestion, whatever the headers. */
    static void assertInvariants(MappingSuggestion suggestion, int columnCount) {
        assertThat(suggestion.mappings()).hasSize(columnCount);
        assertThat(suggestion.sourceTypeConfidence()).isBetween(0.0, 1.0);
        for (ColumnMapping mapping : suggestion.mappings()) {
            assertThat(MappingTargets.isValid(mapping.targetField())).as(mapping.toString()).isTrue();
            assertThat(mapping.confidence()).as(mapping.toString()).isBetween(0.0, 1.0);
            assertThat(mapping.reason()).isIn(ColumnMapping.EXACT_NAME, ColumnMapping.KNOWN_SYNONYM,
                    ColumnMapping.KNOWN_SOURCE_FORMAT, ColumnMapping.NORMALIZED_NAME, ColumnMapping.FUZZY_SIMILARITY,
                    ColumnMapping.NO_MATCH);
            if (mapping.unit() != null) {
                assertThat(mapping.targetField()).isIn("memory_gb", "storage_gb");
                assertThat(mapping.unit()).isIn("MB", "MiB", "GB", "GiB", "TB", "TiB");
            }
        }
        // One column per target, except attributes and the summed per-disk storage columns.
        suggestion.mappings().stream().map(ColumnMapping::targetField)
                .filter(t -> !t.equals(MappingTargets.ATTRIBUTES) && !t.equals("storage_gb"))
                .distinct()
                .forEach(t -> assertThat(suggestion.forTarget(t)).as(t).hasSize(1));
    }
}
