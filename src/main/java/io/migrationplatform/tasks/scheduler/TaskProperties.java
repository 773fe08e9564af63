package io.migrationplatform.tasks.scheduler;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background task settings ({@code migrate.tasks.*}).
 *
 * @param threads           tasks run at once by this instance
 * @param pollingInterval   how often the queue is checked for due tasks (a submit also wakes it at once)
 * @param heartbeatInterval how often a running task's liveness is recorded; a task whose server stopped
 *                          beating for {@value #MISSED_HEARTBEATS} intervals is resumed by a live instance
 * @param maxAttempts       executions a task may start; after this many interrupted ones it is failed
 * @param shutdownMaxWait   on shutdown, how long running tasks may finish before they are interrupted
 *                          (and as long again for them to stop); interrupted tasks resume on the next start
 */
@ConfigurationProperties("migrate.tasks")
public record TaskProperties(
        @DefaultValue("4") int threads,
        @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("20s") Duration shutdownMaxWait) {

    /** db-scheduler's default: an execution is dead after this many missed heartbeats. */
    public static final int MISSED_HEARTBEATS = 6;

    public TaskProperties {
        if (threads < 1) {
            throw new IllegalArgumentException("migrate.tasks.threads must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("migrate.tasks.max-attempts must be at least 1");
        }
        requirePositive("polling-interval", pollingInterval);
        requirePositive("heartbeat-interval", heartbeatInterval);
        requirePositive("shutdown-max-wait", shutdownMaxWait);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("migrate.tasks." + name + " must be a positive duration");
        }
    }

    /** How long after its last heartbeat a running task counts as interrupted. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(MISSED_HEARTBEATS);
    }
}
