package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskHandler;
import io.migrationplatform.tasks.store.TaskRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The one db-scheduler task that runs every background task: its instance id is the task id, its
 * data the tenant scope ({@link TaskRef}), and the kind (which {@link TaskHandler} runs it) is read
 * from the task row. One generic task rather than one per kind, so the scheduler's queue never holds
 * executions of a task name it does not know (a kind whose handler is gone fails visibly in the task
 * row instead of lingering as an "unresolved" execution), and adding a handler needs no scheduler change.
 *
 * <p>Outcomes: the handler returns → completed; it throws → failed with a safe message (logged in
 * full with the task id), never retried. The server stops or dies mid-run → db-scheduler runs it
 * again (a stop re-queues it at once; a crash is found by its missed heartbeats), as attempt + 1;
 * once {@code max-attempts} executions were interrupted, the task is failed instead of started again.
 */
@Component
class TaskRunner extends OneTimeTask<TaskRef> {

    static final String NAME = "migrate-task";
    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final TaskRepository repository;
    private final TaskHandlers handlers;
    private final TaskProperties properties;

    TaskRunner(TaskRepository repository, TaskHandlers handlers, TaskProperties properties) {
        super(NAME, TaskRef.class, new RunAgainNow(), new ResumeDeadExecution());
        this.repository = repository;
        this.handlers = handlers;
        this.properties = properties;
    }

    @Override
    public void executeOnce(TaskInstance<TaskRef> instance, ExecutionContext execution) {
        UUID id = UUID.fromString(instance.getId());
        TenantScope scope = instance.getData().scope();
        MDC.put("task_id", id.toString());
        try {
            Optional<TaskRepository.Started> started = repository.start(scope, id, properties.maxAttempts());
            if (started.isEmpty()) {
                notStarted(scope, id);
                return;
            }
            run(scope, started.get(), execution);
        } finally {
            MDC.remove("task_id");
        }
    }

    private void run(TenantScope scope, TaskRepository.Started started, ExecutionContext execution) {
        Task task = started.task();
        UUID id = task.id();
        int attempt = task.attempts();
        Optional<TaskHandler> handler = handlers.find(task.kind());
        if (handler.isEmpty()) {
            log.error("Task {}: no handler for kind '{}' on this server", id, task.kind());
            repository.fail(scope, id, attempt, "This server cannot run tasks of kind '" + task.kind() + "'",
                    new TaskRepository.Progress(0, 0, null, 0));
            return;
        }
        log.info("Task {} ({}) started, attempt {} of {}", id, task.kind(), attempt, properties.maxAttempts());
        RunningTask context = new RunningTask(id, scope, started.input(), attempt, repository, System::nanoTime);
        Map<String, Object> result;
        try {
            result = handler.get().run(context);
        } catch (Throwable e) {
            if (execution.getSchedulerState().isShuttingDown()) {
                // Most likely the stop interrupted it: not the task's fault. Another instance, or the next start, resumes it.
                log.warn("Task {} ({}) interrupted by the server stop on attempt {}: {}", id, task.kind(), attempt, e.toString());
                repository.requeue(scope, id, attempt, "Interrupted by a server stop; it resumes when a server is available");
                throw new InterruptedByShutdown(id, e);
            }
            if (e instanceof ApiException) {
                log.warn("Task {} ({}) failed on attempt {}: {}", id, task.kind(), attempt, e.getMessage());
            } else {
                log.error("Task {} ({}) failed on attempt {}", id, task.kind(), attempt, e);
            }
            repository.fail(scope, id, attempt, safeMessage(e, id), context.snapshot());
            return;
        }
        boolean saved;
        try {
            saved = repository.complete(scope, id, attempt, result == null ? Map.of() : result, context.snapshot());
        } catch (tools.jackson.core.JacksonException e) {
            log.error("Task {} ({}): its result cannot be stored as JSON", id, task.kind(), e);
            repository.fail(scope, id, attempt, "The task finished but its result could not be stored (task " + id + ")",
                    context.snapshot());
            return;
        }
        if (saved) {
            log.info("Task {} ({}) completed on attempt {}", id, task.kind(), attempt);
        } else {
            log.warn("Task {} ({}): attempt {} finished after the task was taken over or ended; its result is dropped",
                    id, task.kind(), attempt);
        }
    }

    /** The task is finished or gone (nothing to do), or its attempts are used up (it fails). */
    private void notStarted(TenantScope scope, UUID id) {
        Optional<Task> current = repository.find(scope, id);
        if (current.isEmpty()) {
            log.warn("Task {} no longer exists; its execution is dropped", id);
            return;
        }
        Task task = current.get();
        if (task.finished()) {
            log.info("Task {} already {}; nothing to run", id, task.status());
            return;
        }
        String message = "Interrupted " + task.attempts() + " time" + (task.attempts() == 1 ? "" : "s")
                + " (its server stopped before it finished); not started again. Submit it again.";
        if (repository.failUnfinished(scope, id, message)) {
            log.error("Task {} ({}) failed: {}", id, task.kind(), message);
        }
    }

    /** What a client may read of a failure: messages written for clients pass, anything else is generic. */
    static String safeMessage(Throwable e, UUID id) {
        if (e instanceof ApiException api && api.getMessage() != null) {
            return api.getMessage();
        }
        return "The task failed unexpectedly; the server log has the details (task " + id + ")";
    }

    /** Thrown out of an execution the server stop interrupted, so that {@link RunAgainNow} queues it again. */
    static final class InterruptedByShutdown extends RuntimeException {
        InterruptedByShutdown(UUID id, Throwable cause) {
            super("Task " + id + " interrupted by shutdown", cause);
        }
    }

    /**
     * An execution that threw out of {@link #executeOnce}: interrupted by a stop, or its outcome could
     * not be written (database unreachable). It runs again at once; the attempt limit bounds the loop.
     */
    static final class RunAgainNow implements FailureHandler<TaskRef> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<TaskRef> operations) {
            operations.reschedule(complete, Instant.now());
        }
    }

    /** An execution whose server stopped heart-beating (crash, kill -9, lost network): run it again now. */
    static final class ResumeDeadExecution implements DeadExecutionHandler<TaskRef> {
        @Override
        public void deadExecution(ExecutionComplete complete, ExecutionOperations<TaskRef> operations) {
            log.warn("Task {}: its server stopped heart-beating (picked by {}); resuming it",
                    complete.getExecution().getId(), complete.getExecution().pickedBy);
            operations.reschedule(complete, Instant.now());
        }
    }
}
