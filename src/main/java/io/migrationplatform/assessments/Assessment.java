package io.migrationplatform.assessments;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A named run of the analysis engine over a selection of assets.
 *
 * @param status    its flow's status (queued while pending, running, paused, completed, failed, cancelled), or
 *                  approved once its final strategies were written to the assets
 * @param flowId    the flow that runs it (GET /api/v1/flows/{flow_id}, live updates)
 * @param selection what was asked for: {@code {"asset_ids": [...]}} or {@code {"filters": {...}}}
 * @param progress  0–1 while it runs (from its task), 1 when done
 * @param summary   counts by strategy and readiness, risks and blockers by code, effort; empty until completed
 * @param failed    asset ids that could not be assessed, with the reason (the first 1,000; {@code failedCount} counts all)
 */
public record Assessment(UUID id, String name, String status, Map<String, Object> selection, UUID flowId, double progress,
        int assetCount, String rulesVersion, String message, Map<String, Object> summary, Map<String, String> failed, int failedCount,
        UUID createdBy, Instant createdAt, Instant completedAt, UUID approvedBy, Instant approvedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String PAUSED = "paused";
    public static final String CANCELLED = "cancelled";
    public static final String APPROVED = "approved";
}
