package io.migrationplatform.discovery.mapping;

import java.util.List;
import java.util.Optional;

/**
 * The suggestion for a whole table: which known export it looks like, and one mapping per source column, in the
 * order of the columns.
 *
 * @param sourceType "aws_application_discovery" | "azure_migrate" | "rvtools" | "google_migration_center" | "cmdb"
 *     (generic / ServiceNow-style: anything that is not one of the four known exports)
 * @param sourceTypeConfidence 0..1
 * @param mappings one per source column, same order as the columns given to {@link MappingSuggester#suggest}
 */
public record MappingSuggestion(String sourceType, double sourceTypeConfidence, List<ColumnMapping> mappings) {

    public static final String AWS_APPLICATION_DISCOVERY = "aws_application_discovery";
    public static final String AZURE_MIGRATE = "azure_migrate";
    public static final String RVTOOLS = "rvtools";
    public static final String GOOGLE_MIGRATION_CENTER = "google_migration_center";
    public static final String CMDB = "cmdb";

    public MappingSuggestion {
        mappings = List.copyOf(mappings);
    }

    /** The mapping of a source column (first one if a header repeats). */
    public Optional<ColumnMapping> forColumn(String sourceColumn) {
        return mappings.stream().filter(m -> m.sourceColumn().equals(sourceColumn)).findFirst();
    }

    /** The columns mapped to a target; several only for "attributes" and for summed storage_gb disk columns. */
    public List<ColumnMapping> forTarget(String target) {
        return mappings.stream().filter(m -> m.targetField().equals(target)).toList();
    }

    /**
     * The column the importer should read the hostname from: the one mapped to "hostname", or else the column
     * mapped to "name" when that column is host-like (a lone "hostname" column, AWS' "HostName", Azure's
     * "*Server name", Google's "MachineName") — a column has one mapping, so such a column is mapped to name and
     * also serves as the hostname. Empty when no column names the host (e.g. "asset_name" only).
     */
    public Optional<String> hostnameColumn() {
        Optional<ColumnMapping> host = forTarget("hostname").stream().findFirst();
        if (host.isPresent()) {
            return host.map(ColumnMapping::sourceColumn);
        }
        return forTarget("name").stream()
                .filter(m -> MappingSuggester.HOST_AS_NAME_NOTE.equals(m.note())
                        || HeaderSynonyms.isHostLike(HeaderKey.of(m.sourceColumn())))
                .map(ColumnMapping::sourceColumn)
                .findFirst();
    }
}
