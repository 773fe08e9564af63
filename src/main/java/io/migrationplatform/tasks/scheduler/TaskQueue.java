package io.migrationplatform.tasks.scheduler;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.migrationplatform.identity.TenantScope;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Puts a task on db-scheduler's queue, in the caller's transaction, and wakes the poller once it is committed. */
@Component
public class TaskQueue {

    private final SchedulerClient client;
    private final TaskSchedulerLifecycle scheduler;
    private final TaskRunner runner;
    private final Clock clock;

    TaskQueue(SchedulerClient client, TaskSchedulerLifecycle scheduler, TaskRunner runner, Clock clock) {
        this.client = client;
        this.scheduler = scheduler;
        this.runner = runner;
        this.clock = clock;
    }

    public void enqueue(TenantScope scope, UUID taskId) {
        client.schedule(runner.instance(taskId.toString(), TaskRef.of(scope)), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.wake();
                }
            });
        } else {
            scheduler.wake();
        }
    }
}
