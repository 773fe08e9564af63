package io.migrationplatform.tasks.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scheduler can be stopped and started again, as Spring does when it pauses and resumes an
 * application context (the test framework does so between test classes): tasks queued meanwhile run
 * after the start.
 */
class TaskSchedulerLifecycleIT extends ApiIntegrationTest {

    @Autowired
    TaskSchedulerLifecycle lifecycle;

    @Autowired
    TaskService tasks;

    @Test
    void aStoppedSchedulerStartsAgainAndRunsWhatWasQueuedMeanwhile() throws InterruptedException {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("lifecycle");
        TestTenants.User user = t.createUser(tenant, "contributor");
        TenantScope scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.CONTRIBUTOR);

        lifecycle.stop();
        assertThat(lifecycle.isRunning()).isFalse();
        UUID id;
        try {
            id = tasks.submit(scope, "test.echo", Map.of("items", 1)).id();
            Thread.sleep(1500);
            assertThat(tasks.get(scope, id).status()).as("nothing runs while stopped").isEqualTo(Task.QUEUED);
        } finally {
            lifecycle.start();
        }
        assertThat(lifecycle.isRunning()).isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!tasks.get(scope, id).finished()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(tasks.get(scope, id).status()).isEqualTo(Task.COMPLETED);
    }
}
