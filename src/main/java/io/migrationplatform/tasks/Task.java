package io.migrationplatform.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A background task as stored: what it is, where it stands, and how it ended.
 *
 * @param status     {@value #QUEUED}, {@value #RUNNING}, {@value #COMPLETED} or {@value #FAILED}
 * @param progress   0..1: {@code processed / total} while it runs, 1 once completed
 * @param result     the handler's result once completed, else {@code null}
 * @param errors     per-item problems (key → reason), at most 1,000
 * @param errorCount all per-item problems, including those beyond the 1,000 kept
 * @param message    a message for people: why it failed, or that it was resumed after an interruption
 * @param attempts   executions started; more than one means it was resumed after an interruption
 */
public record Task(UUID id, String kind, String status, double progress, long processed, long total,
                   Map<String, Object> result, Map<String, String> errors, long errorCount, String message, int attempts,
                   Instant createdAt, Instant startedAt, Instant finishedAt, UUID createdBy) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final List<String> STATUSES = List.of(QUEUED, RUNNING, COMPLETED, FAILED);

    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status);
    }
}
