package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the task scheduler once every bean (the schema included) is ready, before the web server
 * takes requests; stops it after the web server has drained, before the connection pool closes.
 * Stopping lets running tasks finish for up to {@code shutdown-max-wait}, then interrupts them;
 * interrupted tasks are queued again and resumed by another instance or the next start.
 */
final class TaskSchedulerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskSchedulerLifecycle.class);

    private final Scheduler scheduler;
    private final TaskHandlers handlers;
    private final TaskProperties properties;
    private volatile boolean running;

    TaskSchedulerLifecycle(Scheduler scheduler, TaskHandlers handlers, TaskProperties properties) {
        this.scheduler = scheduler;
        this.handlers = handlers;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        // Resolves the handlers now, so two handlers of one kind stop the start-up rather than a task.
        log.info("Background tasks: {} thread(s), heartbeat every {}, interrupted tasks resumed after {}, "
                        + "at most {} attempt(s); kinds {}", properties.threads(), properties.heartbeatInterval(),
                properties.deadAfter(), properties.maxAttempts(), handlers.kinds());
        scheduler.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the web server's phases: started before it, stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
