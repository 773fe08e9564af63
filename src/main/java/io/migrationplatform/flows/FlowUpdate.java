package io.migrationplatform.flows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change of a flow, as sent to subscribers. {@code data} holds at least {@code status},
 * {@code phase}, {@code progress} (0-100) and {@code flow_type}; counts etc. are optional. It is
 * sent as JSON, so its values must be JSON-friendly (strings, numbers, booleans, lists, maps).
 */
public record FlowUpdate(UUID flowId, UUID clientAccountId, UUID engagementId, Map<String, Object> data, Instant timestamp) {
}
