package io.migrationplatform.tasks.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.BadRequestException;
import io.migrationplatform.tasks.store.TaskRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The task context's bookkeeping: throttled progress writes, bounded per-item errors, safe messages. */
class RunningTaskTest {

    private static final TenantScope SCOPE = new TenantScope(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            Role.CONTRIBUTOR);

    /** Records the progress writes instead of making them (the SQL itself is covered by the *IT tests). */
    static final class RecordedWrites extends TaskRepository {
        final List<Progress> writes = new ArrayList<>();

        RecordedWrites() {
            super(null);
        }

        @Override
        public boolean progress(TenantScope scope, UUID id, int attempt, Progress progress) {
            writes.add(progress);
            return true;
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecordedWrites repository = new RecordedWrites();
    private final RunningTask task = new RunningTask(UUID.randomUUID(), SCOPE, Map.of("a", 1), 2, repository, now::get);

    @Test
    void theFirstReportIsWrittenAtOnceThenAtMostEvery500Milliseconds() {
        task.progress(1, 100);
        assertThat(repository.writes).hasSize(1);
        for (int i = 2; i <= 50; i++) {
            now.addAndGet(5_000_000L); // 5 ms per item
            task.progress(i, 100);
        }
        assertThat(repository.writes).as("250 ms of reports").hasSize(1);
        now.addAndGet(260_000_000L);
        task.progress(51, 100);
        assertThat(repository.writes).hasSize(2);
        assertThat(repository.writes.get(1).processed()).isEqualTo(51);
        assertThat(repository.writes.get(1).total()).isEqualTo(100);
        assertThat(repository.writes.get(1).errors()).as("unchanged errors are not rewritten").isNull();
        assertThat(task.snapshot().processed()).isEqualTo(51);
    }

    @Test
    void errorsKeepTheFirstThousandKeysAndCountAll() {
        for (int i = 0; i < 1200; i++) {
            task.error("asset-" + i, "unsupported OS");
        }
        task.error("asset-5", "reported again with another reason");
        TaskRepository.Progress snapshot = task.snapshot();
        assertThat(snapshot.errors()).hasSize(1000).containsKey("asset-999").doesNotContainKey("asset-1000");
        assertThat(snapshot.errors().get("asset-5")).isEqualTo("reported again with another reason");
        assertThat(snapshot.errorCount()).as("a key reported twice counts once").isEqualTo(1200);
    }

    @Test
    void errorsAreWrittenWithTheNextDueReport() {
        task.progress(0, 10);
        task.error("asset-1", "bad");
        now.addAndGet(600_000_000L);
        task.progress(1, 10);
        assertThat(repository.writes).hasSize(2);
        assertThat(repository.writes.get(1).errors()).containsEntry("asset-1", "bad");
        assertThat(repository.writes.get(1).errorCount()).isEqualTo(1);
    }

    @Test
    void keysAndReasonsAreBoundedAndFreeOfNul() {
        task.error("a\u0000b" + "k".repeat(500), "r\u0000" + "x".repeat(5000));
        Map.Entry<String, String> entry = task.snapshot().errors().entrySet().iterator().next();
        assertThat(entry.getKey()).hasSize(RunningTask.MAX_KEY_LENGTH).startsWith("abk").doesNotContain("\u0000");
        assertThat(entry.getValue()).hasSize(RunningTask.MAX_REASON_LENGTH).startsWith("rx");
        task.error(null, null);
        assertThat(task.snapshot().errors()).containsEntry("", "");
    }

    @Test
    void negativeCountsAreClampedAndTheContextDescribesTheTask() {
        task.progress(-5, -1);
        assertThat(task.snapshot().processed()).isZero();
        assertThat(task.snapshot().total()).isZero();
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(task.createdBy()).isEqualTo(SCOPE.userId());
        assertThat(task.scope()).isEqualTo(SCOPE);
        assertThat(task.input()).containsEntry("a", 1);
    }

    @Test
    void onlyMessagesWrittenForClientsReachThem() {
        UUID id = UUID.randomUUID();
        assertThat(TaskRunner.safeMessage(new BadRequestException("Nothing to analyse"), id)).isEqualTo("Nothing to analyse");
        String generic = TaskRunner.safeMessage(new IllegalStateException("SELECT secret FROM users"), id);
        assertThat(generic).doesNotContain("SELECT").contains(id.toString());
        assertThat(TaskRunner.safeMessage(new OutOfMemoryError("Java heap space"), id)).isEqualTo(generic);
    }

    @Test
    void theTaskScopeSurvivesTheQueueAsJson() {
        JsonTaskDataSerializer serializer = new JsonTaskDataSerializer();
        TaskRef ref = serializer.deserialize(TaskRef.class, serializer.serialize(TaskRef.of(SCOPE)));
        assertThat(ref.scope()).isEqualTo(SCOPE);
        TaskRef renamedRole = new TaskRef(SCOPE.clientAccountId(), SCOPE.engagementId(), SCOPE.userId(), "owner");
        assertThat(renamedRole.scope().role()).as("an unknown role gets the least privilege").isEqualTo(Role.VIEWER);
    }
}
