package io.migrationplatform.flows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A long-running discovery, assessment or planning run: its status, ordered phases, overall
 * progress (0–100), configuration and result. {@code allowedActions} says what a client may do now.
 */
public record Flow(UUID id, String flowType, String name, FlowStatus status, List<FlowPhase> phases, String currentPhase,
        int progress, Map<String, Object> configuration, Map<String, Object> result, String error, UUID taskId,
        UUID clientAccountId, UUID engagementId, UUID createdBy, Instant createdAt, Instant updatedAt, Instant startedAt,
        Instant finishedAt) {

    @com.fasterxml.jackson.annotation.JsonProperty("allowed_actions")
    public List<String> allowedActions() {
        return status.allowedActions();
    }
}
