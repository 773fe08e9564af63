package io.migrationplatform.tasks.scheduler;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.tasks.TaskContext;
import io.migrationplatform.tasks.store.TaskRepository;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TaskContext} of one execution: progress and per-item errors are kept in memory and
 * written on the first report, then at most every 500 ms (and once more when the task ends), so a
 * handler may report every item without a write per item.
 */
final class RunningTask implements TaskContext {

    static final int MAX_ERRORS = 1000;
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 1000;
    static final long FLUSH_INTERVAL_NANOS = 500_000_000L;
    private static final Logger log = LoggerFactory.getLogger(RunningTask.class);

    private final UUID taskId;
    private final TenantScope scope;
    private final Map<String, Object> input;
    private final int attempt;
    private final TaskRepository repository;
    private final LongSupplier nanoTime;

    private final Map<String, String> errors = new LinkedHashMap<>();
    private long errorCount;
    private long processed;
    private long total;
    private boolean errorsChanged;
    private long lastFlush;

    RunningTask(UUID taskId, TenantScope scope, Map<String, Object> input, int attempt, TaskRepository repository,
                LongSupplier nanoTime) {
        this.taskId = taskId;
        this.scope = scope;
        this.input = input == null ? Map.of() : Collections.unmodifiableMap(input);
        this.attempt = attempt;
        this.repository = repository;
        this.nanoTime = nanoTime;
        // The first report is written at once, so a client sees the task move as soon as it does.
        this.lastFlush = nanoTime.getAsLong() - FLUSH_INTERVAL_NANOS;
    }

    @Override
    public UUID taskId() {
        return taskId;
    }

    @Override
    public TenantScope scope() {
        return scope;
    }

    @Override
    public UUID createdBy() {
        return scope.userId();
    }

    @Override
    public Map<String, Object> input() {
        return input;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public void progress(long processed, long total) {
        synchronized (this) {
            this.processed = Math.max(0, processed);
            this.total = Math.max(0, total);
        }
        flushIfDue();
    }

    @Override
    public void error(String key, String reason) {
        String k = clean(key, MAX_KEY_LENGTH);
        String r = clean(reason, MAX_REASON_LENGTH);
        synchronized (this) {
            if (errors.containsKey(k)) {
                errorsChanged |= !r.equals(errors.put(k, r));
            } else {
                errorCount++;
                if (errors.size() < MAX_ERRORS) {
                    errors.put(k, r);
                    errorsChanged = true;
                }
            }
        }
        flushIfDue();
    }

    /** Where the task stands now, with its errors (for the final write). */
    synchronized TaskRepository.Progress snapshot() {
        errorsChanged = false;
        return new TaskRepository.Progress(processed, total, new LinkedHashMap<>(errors), errorCount);
    }

    private void flushIfDue() {
        TaskRepository.Progress progress;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (now - lastFlush < FLUSH_INTERVAL_NANOS) {
                return;
            }
            lastFlush = now;
            progress = new TaskRepository.Progress(processed, total, errorsChanged ? new LinkedHashMap<>(errors) : null,
                    errorCount);
            errorsChanged = false;
        }
        try {
            repository.progress(scope, taskId, attempt, progress);
        } catch (RuntimeException e) {
            // Progress is informative: a failed write must not fail the work. The final write tells the truth.
            log.warn("Task {}: progress not saved: {}", taskId, e.getMessage());
            synchronized (this) {
                errorsChanged |= progress.errors() != null;
            }
        }
    }

    /** PostgreSQL's jsonb refuses NUL; unbounded strings would bloat the row. */
    private static String clean(String value, int max) {
        String v = value == null ? "" : value.replace("\u0000", "");
        return v.length() > max ? v.substring(0, max) : v;
    }
}
