package io.migrationplatform.discovery.mapping;

/**
 * The suggested destination of one source column.
 *
 * @param sourceColumn the header exactly as uploaded (never rewritten, so the importer can find the column again)
 * @param targetField an {@link io.migrationplatform.assets.AssetField} json name (e.g. "name", "ip_addresses",
 *     "memory_gb"), or {@code "dependencies"} (the column lists other rows this row depends on), or
 *     {@code "attributes"} (kept as a free attribute under the source column name — a column is never dropped)
 * @param confidence 0..1; how sure the suggestion is (see {@link MappingSuggester} for the scale)
 * @param reason one of {@link #EXACT_NAME}, {@link #KNOWN_SYNONYM}, {@link #KNOWN_SOURCE_FORMAT},
 *     {@link #NORMALIZED_NAME}, {@link #FUZZY_SIMILARITY}, {@link #NO_MATCH}
 * @param unit for size columns (memory_gb, storage_gb) the unit of the source values ("MB", "MiB", "GB", "GiB",
 *     "TB", "TiB"), or null when the header does not say (the cleanser then decides); null for every other target
 * @param note a human-readable remark for the review screen (why a column was demoted or renamed), or null
 */
public record ColumnMapping(String sourceColumn, String targetField, double confidence, String reason, String unit,
        String note) {

    public static final String EXACT_NAME = "exact_name";
    public static final String KNOWN_SYNONYM = "known_synonym";
    public static final String KNOWN_SOURCE_FORMAT = "known_source_format";
    public static final String NORMALIZED_NAME = "normalized_name";
    public static final String FUZZY_SIMILARITY = "fuzzy_similarity";
    public static final String NO_MATCH = "no_match";

    public ColumnMapping {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (!MappingTargets.isValid(targetField)) {
            throw new IllegalArgumentException("not a mapping target: " + targetField);
        }
    }

    /** The shape the API was first specified with; a mapping without a remark. */
    public ColumnMapping(String sourceColumn, String targetField, double confidence, String reason, String unit) {
        this(sourceColumn, targetField, confidence, reason, unit, null);
    }

    /** True when the column is kept as a free attribute rather than written to a canonical field. */
    public boolean isAttribute() {
        return MappingTargets.ATTRIBUTES.equals(targetField);
    }

    ColumnMapping withTarget(String newTarget, double newConfidence, String newReason, String newUnit, String newNote) {
        return new ColumnMapping(sourceColumn, newTarget, newConfidence, newReason, newUnit, newNote);
    }
}
