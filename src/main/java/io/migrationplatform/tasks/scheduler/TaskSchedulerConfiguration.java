package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, wired by hand (its Spring Boot starter is built for Boot 2/3). It reads and writes
 * {@code scheduled_tasks} (created by Flyway) through a transaction-aware view of the application's
 * pool, so a task is queued in the same transaction that records it. Queuing goes through a
 * {@link SchedulerClient}, which needs no running scheduler; the scheduler that runs the tasks is
 * made anew on every start of {@link TaskSchedulerLifecycle} (a db-scheduler {@link Scheduler} cannot
 * be started again once stopped, and a Spring context may be stopped and started).
 */
@Configuration(proxyBeanMethods = false)
class TaskSchedulerConfiguration {

    @Bean
    SchedulerClient taskSchedulerClient(DataSource dataSource, TaskRunner runner) {
        return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), runner)
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .serializer(new JsonTaskDataSerializer())
                .build();
    }

    @Bean
    TaskSchedulerLifecycle taskSchedulerLifecycle(DataSource dataSource, TaskRunner runner, TaskHandlers handlers,
                                                  TaskProperties properties) {
        return new TaskSchedulerLifecycle(() -> scheduler(dataSource, runner, properties), handlers, properties);
    }

    private static Scheduler scheduler(DataSource dataSource, TaskRunner runner, TaskProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), runner)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
                .serializer(new JsonTaskDataSerializer())
                .threads(properties.threads())
                .executorService(daemonPool(properties.threads()))
                .pollingInterval(properties.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(TaskProperties.MISSED_HEARTBEATS)
                .shutdownMaxWait(properties.shutdownMaxWait())
                .build();
    }

    /** Recorded as {@code picked_by}: which process ran an execution (several may share a host). */
    private static String instanceName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Task threads never keep the JVM alive after the application has stopped. */
    private static ExecutorService daemonPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
