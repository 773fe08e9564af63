package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the task scheduler while the application runs: started once every bean (the schema included)
 * is ready, before the web server takes requests; stopped after the web server has drained, before
 * the connection pool closes. Stopping lets running tasks finish for up to {@code shutdown-max-wait},
 * then interrupts them; interrupted tasks are queued again and resumed by another instance or the
 * next start. Each start makes a new scheduler (db-scheduler's cannot be restarted).
 */
final class TaskSchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskSchedulerLifecycle.class);

    private final Supplier<Scheduler> schedulers;
    private final TaskHandlers handlers;
    private final TaskProperties properties;
    private volatile Scheduler running;

    TaskSchedulerLifecycle(Supplier<Scheduler> schedulers, TaskHandlers handlers, TaskProperties properties) {
        this.schedulers = schedulers;
        this.handlers = handlers;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        // Resolves the handlers now, so two handlers of one kind stop the start-up rather than a task.
        log.info("Background tasks: {} thread(s), heartbeat every {}, interrupted tasks resumed after {}, "
                        + "at most {} attempt(s); kinds {}", properties.threads(), properties.heartbeatInterval(),
                properties.deadAfter(), properties.maxAttempts(), handlers.kinds());
        Scheduler scheduler = schedulers.get();
        scheduler.start();
        running = scheduler;
    }

    @Override
    public synchronized void stop() {
        Scheduler scheduler = running;
        if (scheduler == null) {
            return;
        }
        running = null;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Below the web server's phases: started before it, stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /** Looks for due tasks now rather than at the next poll (after a submit). */
    void wake() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
