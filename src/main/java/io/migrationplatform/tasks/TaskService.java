package io.migrationplatform.tasks;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.web.PageParams;
import io.migrationplatform.tasks.scheduler.TaskHandlers;
import io.migrationplatform.tasks.scheduler.TaskQueue;
import io.migrationplatform.tasks.store.TaskRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable, tenant-scoped background tasks recorded in PostgreSQL and run by db-scheduler.
 *
 * <p>The whole API of the {@code tasks} feature:
 * <pre>{@code
 * // a feature implements this as a Spring bean (idempotent: a task may run again after an interruption)
 * interface TaskHandler { String kind(); Map<String, Object> run(TaskContext context) throws Exception; }
 * interface TaskContext { UUID taskId(); TenantScope scope(); UUID createdBy(); Map<String, Object> input();
 *                         int attempt(); void progress(long processed, long total); void error(String key, String reason); }
 * Task       TaskService.submit(TenantScope scope, String kind, Map<String, Object> input)  // "queued"
 * Task       TaskService.get(TenantScope scope, UUID taskId)                                // 404 if not in scope
 * List<Task> TaskService.list(TenantScope scope, String status, String kind, PageParams page) // newest first
 * long       TaskService.count(TenantScope scope, String status, String kind)
 * record Task(id, kind, status, progress, processed, total, result, errors, errorCount, message, attempts,
 *             createdAt, startedAt, finishedAt, createdBy)
 * }</pre>
 *
 * <p>Lifecycle: {@code queued} → {@code running} → {@code completed} or {@code failed}. A task is
 * queued in the caller's transaction (it runs only if that commits) and starts within about a second
 * on any instance. If its server stops, it is queued again at once; if its server dies, a live instance
 * notices the missed heartbeats ({@code migrate.tasks.heartbeat-interval} × 6) and runs it again. Each
 * execution counts as an attempt; after {@code migrate.tasks.max-attempts} interrupted ones the task
 * fails with a message saying so, so no task stays "running" for ever. A handler exception fails the
 * task at once (no retry), with a message safe for clients.
 */
@Service
public class TaskService {

    private final TaskRepository repository;
    private final TaskQueue queue;
    private final TaskHandlers handlers;

    TaskService(TaskRepository repository, TaskQueue queue, TaskHandlers handlers) {
        this.repository = repository;
        this.queue = queue;
        this.handlers = handlers;
    }

    /**
     * Records a task and queues it; it is created by {@code scope.userId()}.
     *
     * @param input JSON-able values for the handler ({@code null} for none)
     * @throws IllegalArgumentException when no handler runs this kind, or the input is not JSON-able
     */
    @Transactional
    public Task submit(TenantScope scope, String kind, Map<String, Object> input) {
        if (kind == null || handlers.find(kind).isEmpty()) {
            throw new IllegalArgumentException("Unknown task kind: " + kind + " (known: " + handlers.kinds() + ")");
        }
        UUID id = UUID.randomUUID();
        try {
            repository.insert(scope, id, kind, input == null ? Map.of() : input);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("Task input is not JSON-able: " + e.getOriginalMessage(), e);
        }
        queue.enqueue(scope, id);
        return repository.find(scope, id).orElseThrow();
    }

    /** The task, if it belongs to the scope; another tenant's task is just as unknown (404). */
    @Transactional(readOnly = true)
    public Task get(TenantScope scope, UUID taskId) {
        return repository.find(scope, taskId).orElseThrow(() -> new NotFoundException("Task"));
    }

    /** The scope's tasks, newest first; {@code status} and {@code kind} filter when not null. */
    @Transactional(readOnly = true)
    public List<Task> list(TenantScope scope, String status, String kind, PageParams page) {
        return repository.list(scope, status, kind, page);
    }

    @Transactional(readOnly = true)
    public long count(TenantScope scope, String status, String kind) {
        return repository.count(scope, status, kind);
    }
}
