package io.migrationplatform.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import io.migrationplatform.tasks.scheduler.TaskQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** TaskService on the real database and scheduler: submission, tenancy, transactions, and re-runs. */
class TaskServiceIT extends ApiIntegrationTest {

    @Autowired
    TaskService tasks;

    @Autowired
    TaskQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private TenantScope scope;

    @BeforeEach
    void scope() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("task-service");
        TestTenants.User user = t.createUser(tenant, "contributor");
        scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.CONTRIBUTOR);
    }

    @Test
    void submitAnswersQueuedAndTheTaskCompletes() {
        Task submitted = tasks.submit(scope, "test.echo", Map.of("items", 2, "message", "from the service"));
        assertThat(submitted.status()).isEqualTo(Task.QUEUED);
        assertThat(submitted.attempts()).isZero();
        assertThat(submitted.progress()).isZero();
        assertThat(submitted.createdBy()).isEqualTo(scope.userId());
        assertThat(submitted.createdAt()).isNotNull();
        assertThat(submitted.startedAt()).isNull();

        Task done = await(submitted.id(), Task::finished);
        assertThat(done.status()).isEqualTo(Task.COMPLETED);
        assertThat(done.result()).containsEntry("echo", "from the service").containsEntry("attempt", 1);
        assertThat(done.progress()).isEqualTo(1.0);
    }

    @Test
    void anUnknownKindIsRefusedAndNothingIsRecorded() {
        long before = jdbc.sql("SELECT count(*) FROM tasks").query(Long.class).single();
        assertThatThrownBy(() -> tasks.submit(scope, "no.such.kind", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no.such.kind");
        assertThatThrownBy(() -> tasks.submit(scope, null, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM tasks").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTaskOfAnotherScopeIsNotFound() {
        Task task = tasks.submit(scope, "test.echo", Map.of());
        TestTenants t = tenants();
        TestTenants.Tenant other = t.createTenant("task-service-other");
        TenantScope stranger = new TenantScope(scope.userId(), other.accountId(), other.engagementId(), Role.SUPER_ADMIN);
        assertThatThrownBy(() -> tasks.get(stranger, task.id())).isInstanceOf(NotFoundException.class);
        TenantScope sameAccountOtherEngagement = new TenantScope(scope.userId(), scope.clientAccountId(),
                other.engagementId(), Role.SUPER_ADMIN);
        assertThatThrownBy(() -> tasks.get(sameAccountOtherEngagement, task.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.get(scope, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(tasks.list(stranger, null, null, io.migrationplatform.platform.web.PageParams.of(1, 50))).isEmpty();
        assertThat(tasks.count(stranger, null, null)).isZero();
        assertThat(tasks.get(scope, task.id()).id()).isEqualTo(task.id());
    }

    @Test
    void aTaskSubmittedInARolledBackTransactionNeverExistsNorRuns() {
        UUID[] id = new UUID[1];
        transactions.executeWithoutResult(status -> {
            id[0] = tasks.submit(scope, "test.echo", Map.of()).id();
            status.setRollbackOnly();
        });
        Polling.sleep(1500);
        assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE id = :id").param("id", id[0]).query(Long.class).single()).isZero();
        assertThat(scheduled(id[0])).isZero();
    }

    @Test
    void runningAFinishedTaskAgainChangesNothing() {
        // As after a crash between the task's completion and db-scheduler's removal of its execution.
        Task done = await(tasks.submit(scope, "test.echo", Map.of("items", 1)).id(), Task::finished);
        queue.enqueue(scope, done.id());
        awaitNoExecution(done.id());
        Task after = tasks.get(scope, done.id());
        assertThat(after.status()).isEqualTo(Task.COMPLETED);
        assertThat(after.attempts()).isEqualTo(1);
        assertThat(after.finishedAt()).isEqualTo(done.finishedAt());
        assertThat(after.result()).isEqualTo(done.result());
    }

    @Test
    void aTaskWhoseAttemptsAreUsedUpFailsInsteadOfStartingAgain() {
        // As a task left by three servers that died while running it (default max-attempts: 3).
        UUID id = transactions.execute(status -> {
            UUID created = tasks.submit(scope, "test.echo", Map.of()).id();
            jdbc.sql("UPDATE tasks SET status = 'running', attempts = 3 WHERE id = :id").param("id", created).update();
            return created;
        });
        Task failed = await(id, Task::finished);
        assertThat(failed.status()).isEqualTo(Task.FAILED);
        assertThat(failed.message()).startsWith("Interrupted 3 times");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.result()).isNull();
        awaitNoExecution(id);
    }

    private long scheduled(UUID id) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = :id").param("id", id.toString())
                .query(Long.class).single();
    }

    private void awaitNoExecution(UUID id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (scheduled(id) > 0) {
            assertThat(Instant.now()).as("execution of " + id + " removed").isBefore(deadline);
            Polling.sleep(100);
        }
    }

    private Task await(UUID id, Predicate<Task> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Task task = tasks.get(scope, id);
        while (!until.test(task)) {
            assertThat(Instant.now()).as("task " + id + ", last seen " + task).isBefore(deadline);
            Polling.sleep(100);
            task = tasks.get(scope, id);
        }
        return task;
    }
}
