package io.migrationplatform.assets;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One event in an asset's history; {@code changes} maps each field to {@code {"old", "new"}}. */
public record AuditEntry(long id, UUID assetId, String action, Map<String, Object> changes, UUID actorId, String actorEmail,
                         String source, String requestId, Instant createdAt) {
}
