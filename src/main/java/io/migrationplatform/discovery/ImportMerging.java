package io.migrationplatform.discovery;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetField;
import io.migrationplatform.assets.AssetValues;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How an import combines the rows of one server, and what a row changes on an asset that exists already. */
final class ImportMerging {

    private ImportMerging() {
    }

    /** A kept row's values with those of the later rows of the same server merged in, in file order. */
    static AssetValues merge(RowLedger.Entry first, Map<Long, AssetValues> values, List<ImportIssue> issues) {
        AssetValues merged = values.get(first.rowNumber);
        if (first.duplicates != null) {
            for (RowLedger.Entry duplicate : first.duplicates) {
                merged = mergeInto(first.rowNumber, merged, duplicate.rowNumber, values.get(duplicate.rowNumber), issues);
            }
        }
        return merged;
    }

    /** A later row for the same server: fills what the first lacks; conflicting values are reported, the first wins. */
    private static AssetValues mergeInto(long firstRow, AssetValues first, long duplicateRow, AssetValues duplicate,
                                         List<ImportIssue> issues) {
        Map<AssetField, Object> values = new EnumMap<>(first.values());
        duplicate.values().forEach((field, value) -> {
            Object current = values.get(field);
            if (AssetValues.isEmpty(current)) {
                values.put(field, value);
            } else if (field == AssetField.ATTRIBUTES || field == AssetField.TAGS || field == AssetField.IP_ADDRESSES
                    || field == AssetField.TECHNOLOGY_STACK) {
                values.put(field, combine(current, value));
            } else if (!AssetValues.same(current, value)) {
                issues.add(new ImportIssue(duplicateRow, field.jsonName(), String.valueOf(value),
                        "Conflicts with row " + firstRow + " (same server): kept '" + current + "'", "warning", "asset_inventory"));
            }
        });
        issues.add(new ImportIssue(duplicateRow, null, null, "Same server as row " + firstRow
                + " (matching id, host name or address): merged into it", "warning", "asset_inventory"));
        return new AssetValues(values);
    }

    /** What an import row changes on an existing asset: only values it provides; attributes and lists are combined. */
    static AssetValues changes(Asset existing, AssetValues imported) {
        Map<AssetField, Object> changes = new EnumMap<>(AssetField.class);
        imported.values().forEach((field, value) -> {
            if (value == null) {
                return;
            }
            Object current = existing.get(field);
            Object next = field == AssetField.ATTRIBUTES || field == AssetField.TAGS ? combine(current, value) : value;
            if (!AssetValues.same(current, next)) {
                changes.put(field, next);
            }
        });
        return new AssetValues(changes);
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Object current, Object added) {
        if (current instanceof Map<?, ?> a && added instanceof Map<?, ?> b) {
            Map<String, Object> combined = new LinkedHashMap<>((Map<String, Object>) a);
            combined.putAll((Map<String, Object>) b);
            return combined;
        }
        if (current instanceof List<?> a && added instanceof List<?> b) {
            Set<Object> combined = new LinkedHashSet<>(a);
            combined.addAll(b);
            return List.copyOf(combined);
        }
        return added;
    }
}
