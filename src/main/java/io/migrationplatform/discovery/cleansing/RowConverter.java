package io.migrationplatform.discovery.cleansing;

import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.discovery.mapping.ColumnMapping;
import io.migrationplatform.discovery.mapping.MappingSuggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one source row into an asset body, in two steps that are the import's phases:
 * {@link #map} (field_mapping: which raw texts feed which canonical field) and {@link #cleanse}
 * (data_cleansing: normalised, typed values). The result is validated by the asset rules
 * ({@link AssetValidator}) like any API request.
 */
public final class RowConverter {

    /** A problem of one cell or row; errors reject the row, warnings keep it. */
    public record Issue(String column, String value, String reason, boolean error) {
    }

    /** Raw texts per canonical target, in column order; plus unmapped cells and dependency references. */
    public record MappedRow(Map<String, List<Cell>> byTarget, Map<String, String> attributes, List<String> dependencyRefs) {
    }

    public record Cell(String column, String value, String unit) {
    }

    /** The asset body for the asset rules, what the row depends on, and what was noticed on the way. */
    public record Converted(Map<String, Object> body, List<String> dependencyRefs, List<Issue> issues) {
    }

    private final List<String> columns;
    private final Map<String, ColumnMapping> mappingByColumn = new LinkedHashMap<>();
    /** A host-name column promoted to "name" (no name column in the file) also feeds hostname. */
    private final String hostAsNameColumn;

    public RowConverter(List<String> columns, List<ColumnMapping> mappings) {
        this.columns = List.copyOf(columns);
        mappings.forEach(m -> mappingByColumn.put(m.sourceColumn(), m));
        boolean hostnameMapped = mappings.stream().anyMatch(m -> m.targetField().equals("hostname"));
        this.hostAsNameColumn = hostnameMapped ? null
                : new MappingSuggestion("cmdb", 0, mappings).hostnameColumn().orElse(null);
    }

    /** field_mapping: groups the row's non-empty cells by their target field. */
    public MappedRow map(List<String> values, List<String> extra) {
        Map<String, List<Cell>> byTarget = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String value = i < values.size() ? values.get(i) : null;
            if (Cleansing.isMissing(value)) {
                continue;
            }
            ColumnMapping mapping = mappingByColumn.get(column);
            String target = mapping == null ? "attributes" : mapping.targetField();
            switch (target) {
                case "attributes" -> attributes.put(column, value.strip());
                case "dependencies" -> refs.addAll(Cleansing.split(value));
                default -> byTarget.computeIfAbsent(target, t -> new ArrayList<>())
                        .add(new Cell(column, value.strip(), mapping.unit()));
            }
            if (column.equals(hostAsNameColumn) && "name".equals(target)) {
                byTarget.computeIfAbsent("hostname", t -> new ArrayList<>()).add(new Cell(column, value.strip(), null));
            }
        }
        if (extra != null && !extra.isEmpty()) {
            attributes.put("extra_cells", String.join(" | ", extra));
        }
        return new MappedRow(byTarget, attributes, refs);
    }

    /** data_cleansing: normalises every value and notes what it could not take as is. */
    public Converted cleanse(MappedRow row) {
        List<Issue> issues = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>(row.attributes());
        row.byTarget().forEach((target, cells) -> RowValues.apply(target, cells, body, attributes, issues));
        RowValues.completeIdentity(body, issues);
        RowValues.completeRequired(body, attributes, issues);
        RowValues.fitLimits(body, attributes, issues);
        if (!attributes.isEmpty()) {
            body.put("attributes", attributes);
        }
        return new Converted(body, List.copyOf(row.dependencyRefs()), issues);
    }

    public Converted convert(List<String> values, List<String> extra) {
        return cleanse(map(values, extra));
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
