package io.migrationplatform.flows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One change of a flow, as sent to subscribers. data holds at least status, phase, progress (0-100) and flow_type; counts etc. optional. */
public record FlowUpdate(UUID flowId, UUID clientAccountId, UUID engagementId, Map<String, Object> data, Instant timestamp) {
}
