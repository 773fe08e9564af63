package io.migrationplatform.assets;

import java.util.UUID;

/** Who changes an asset, through what (the API, an import), under which request id. */
public record AuditContext(UUID actorId, String actorEmail, String source, String requestId) {
}
