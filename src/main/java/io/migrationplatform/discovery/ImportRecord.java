package io.migrationplatform.discovery;

import io.migrationplatform.discovery.mapping.ColumnMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A discovery import as stored and answered: the detected table, its mappings and its last execution. */
public record ImportRecord(UUID id, UUID clientAccountId, UUID engagementId, String filename, long sizeBytes, String sha256,
                           String format, String encoding, String delimiter, Integer headerRow, String sourceType,
                           Double sourceTypeConfidence, List<String> columns, int rowCount,
                           List<Map<String, String>> sampleRows, List<ColumnMapping> mappings, String status,
                           String currentPhase, List<Map<String, Object>> phases, UUID flowId, Map<String, Object> result,
                           String error, UUID createdBy, Instant createdAt, Instant updatedAt, Instant startedAt,
                           Instant finishedAt) {
}
