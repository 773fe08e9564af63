package io.migrationplatform.tasks.web;

import io.migrationplatform.tasks.Task;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A task in a list: its state without its result and per-item errors, which can be large (a batch analysis'
 * result holds every analysis); {@code GET /tasks/{task_id}} has them.
 */
record TaskSummaryResponse(
        UUID id,
        UUID taskId,
        String kind,
        @Schema(allowableValues = {"queued", "running", "completed", "failed"}) String status,
        double progress,
        long processed,
        long total,
        long errorCount,
        String message,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        UUID createdBy) {

    static TaskSummaryResponse of(Task t) {
        return new TaskSummaryResponse(t.id(), t.id(), t.kind(), t.status(), t.progress(), t.processed(), t.total(), t.errorCount(),
                t.message(), t.attempts(), t.createdAt(), t.startedAt(), t.finishedAt(), t.createdBy());
    }
}
