package io.migrationplatform.tasks.web;

import io.migrationplatform.tasks.Task;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A task as clients read it (snake_case on the wire). The id is given twice: {@code id} like every
 * other resource, {@code task_id} as the seed's batch endpoints name it.
 */
record TaskResponse(
        UUID id,
        UUID taskId,
        String kind,
        @Schema(allowableValues = {"queued", "running", "completed", "failed"}) String status,
        @Schema(description = "0..1: processed / total while running, 1 once completed") double progress,
        long processed,
        long total,
        @Schema(description = "The handler's result once completed") Map<String, Object> result,
        @Schema(description = "Per-item problems (key → reason), the first 1,000") Map<String, String> errors,
        @Schema(description = "All per-item problems, including those beyond the 1,000 kept") long errorCount,
        @Schema(description = "Why it failed, or that it was resumed after an interruption") String message,
        @Schema(description = "Executions started; above 1 when resumed after an interruption") int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        UUID createdBy) {

    static TaskResponse of(Task t) {
        return new TaskResponse(t.id(), t.id(), t.kind(), t.status(), t.progress(), t.processed(), t.total(), t.result(),
                t.errors(), t.errorCount(), t.message(), t.attempts(), t.createdAt(), t.startedAt(), t.finishedAt(),
                t.createdBy());
    }
}
