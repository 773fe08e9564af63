package io.migrationplatform.platform.database;

import static io.migrationplatform.platform.database.PostgresTestProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.platform.database.PostgresTestProcesses.Harness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;


/** Crashes and stale state: no committed row is lost and nothing unrelated is ever signalled. */
class EmbeddedPostgresCrashRecoveryTest extends EmbeddedPostgresProcessTestSupport {

    // ---------------------------------------------------------------------------------------------
    // a) clean stop, then restart on the same data directory
    // ---------------------------------------------------------------------------------------------

    @Test
    void cleanStopLeavesNoProcessAndRestartKeepsEveryCommittedRow() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1, 50);
        ProcessHandle postmaster = postmasterOf(dataDir);
        assertThat(new Postmaster(pgData(dataDir)).isPostgresOfThisDirectory(postmaster)).isTrue();

        first.stop();

        assertThat(first.process.exitValue()).as("harness exit code after STOP").isZero();
        assertThat(pgData(dataDir).resolve(Postmaster.PID_FILE)).as("postmaster.pid after a clean stop").doesNotExist();
        assertThat(isRunning(postmaster)).as("postmaster %s after a clean stop", postmaster.pid()).isFalse();
        assertThat(postgresProcessesServing(pgData(dataDir))).as("postgres processes serving the data dir").isEmpty();

        Harness second = startReady(dataDir, 0);
        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1, 50));
        assertThat(showSetting(second.jdbcUrl, "data_directory")).isEqualTo(pgData(dataDir).toRealPath().toString());
    }

    // ---------------------------------------------------------------------------------------------
    // b) kill -9 of the JVM: the orphaned postmaster is found, proven ours and stopped cleanly
    // ---------------------------------------------------------------------------------------------

    @Test
    void orphanedPostmasterAfterKillMinus9OfTheJvmIsStoppedCleanlyAndNoCommittedRowIsLost() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1, 100);
        ProcessHandle orphan = postmasterOf(dataDir);

        // An open transaction on the old server: fast shutdown must roll it back, never half-apply it.
        Connection inFlight = connect(first.jdbcUrl);
        inFlight.setAutoCommit(false);
        try (Statement s = inFlight.createStatement()) {
            s.executeUpdate("INSERT INTO items(id, name) VALUES (100001, 'uncommitted')");
        }

        first.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close()
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(isRunning(orphan)).as("the postmaster %s outlives the killed JVM", orphan.pid()).isTrue();
        assertThat(new Postmaster(pgData(dataDir)).runningPostmaster()).contains(orphan);

        Harness second = startReady(dataDir, 0);

        assertThat(isRunning(orphan)).as("the orphaned postmaster %s after the restart", orphan.pid()).isFalse();
        ProcessHandle current = postmasterOf(dataDir);
        assertThat(current).isNotEqualTo(orphan);
        assertThat(isRunning(current)).isTrue();
        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1, 100));
        assertThat(showSetting(second.jdbcUrl, "data_directory")).isEqualTo(pgData(dataDir).toRealPath().toString());
        assertThat(showSetting(second.jdbcUrl, "fsync")).isEqualTo("on");
        assertThat(showSetting(second.jdbcUrl, "synchronous_commit")).isEqualTo("on");
        assertThat(showSetting(second.jdbcUrl, "full_page_writes")).isEqualTo("on");
    }

    // ---------------------------------------------------------------------------------------------
    // b') kill -9 of the JVM and of every postgres process: crash recovery keeps every commit
    // ---------------------------------------------------------------------------------------------

    @Test
    void killMinus9OfJvmAndPostgresLosesNoCommittedRow() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        // Many small commits, the last one immediately before the kill: with synchronous_commit=off
        // (the library's default) the newest ones would still sit in shared WAL buffers and be lost.
        try (Connection c = connect(first.jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items(id int PRIMARY KEY, name text NOT NULL)");
            for (int id = 1; id <= 300; id++) {
                s.executeUpdate("INSERT INTO items(id, name) VALUES (" + id + ", 'item " + id + "')");
            }
        }
        List<ProcessHandle> serverProcesses = postgresProcessesServing(pgData(dataDir));
        assertThat(serverProcesses).isNotEmpty();

        first.process.destroyForcibly();
        serverProcesses.forEach(ProcessHandle::destroyForcibly);
        assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitNoPostgresServing(pgData(dataDir));
        assertThat(pgData(dataDir).resolve(Postmaster.PID_FILE)).as("a crash leaves postmaster.pid behind").exists();

        Harness second = startReady(dataDir, 0);

        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1, 300));
    }

    // ---------------------------------------------------------------------------------------------
    // c) stale postmaster.pid whose PID now belongs to an unrelated process
    // ---------------------------------------------------------------------------------------------

    @Test
    void stalePostmasterPidNamingAnUnrelatedProcessIsRemovedWithoutSignallingIt() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1, 20);
        List<String> realPidFile = Files.readAllLines(pgData(dataDir).resolve(Postmaster.PID_FILE));
        first.stop();
        assertThat(first.process.exitValue()).isZero();

        // An unrelated process that dies from any of INT, QUIT, TERM (dispositions reset to default,
        // whatever this JVM inherited), so "still alive" proves "never signalled". It even works in the
        // data directory: only its executable tells it apart from a postmaster.
        Process unrelated = startOther(pgData(dataDir), "env", "--default-signal", "sleep", "300");
        awaitExecuted(unrelated, "sleep");
        assertThat(signalsIgnoredOrBlocked(unrelated.pid())).as("precondition: INT/QUIT/TERM take effect").isFalse();
        writeStalePidFile(dataDir, realPidFile, unrelated.pid());

        Harness second = startReady(dataDir, 0);

        assertThat(unrelated.isAlive()).as("the unrelated process %s named by the stale postmaster.pid", unrelated.pid()).isTrue();
        assertThat(isRunning(unrelated.toHandle())).isTrue();
        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1, 20));
        assertThat(postmasterOf(dataDir).pid()).isNotEqualTo(unrelated.pid());
    }

    @Test
    void stalePostmasterPidNamingThePostmasterOfAnotherDataDirectoryLeavesThatServerAlone() throws Exception {
        Path otherDataDir = newDataDir("other");
        Harness other = startReady(otherDataDir, 0);
        insertItems(other.jdbcUrl, 1, 10);
        ProcessHandle otherPostmaster = postmasterOf(otherDataDir);

        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1000, 1030);
        List<String> realPidFile = Files.readAllLines(pgData(dataDir).resolve(Postmaster.PID_FILE));
        first.stop();
        assertThat(first.process.exitValue()).isZero();

        // The PID was reused by a real postgres binary, but one serving another directory.
        writeStalePidFile(dataDir, realPidFile, otherPostmaster.pid());
        Postmaster ours = new Postmaster(pgData(dataDir));
        assertThat(ours.isPostgresOfThisDirectory(otherPostmaster)).isFalse();
        assertThat(new Postmaster(pgData(otherDataDir)).isPostgresOfThisDirectory(otherPostmaster)).isTrue();
        assertThat(ours.runningPostmaster()).isEmpty();

        Harness second = startReady(dataDir, 0);

        assertThat(isRunning(otherPostmaster)).as("the other data directory's postmaster %s", otherPostmaster.pid()).isTrue();
        assertThat(postmasterOf(otherDataDir)).isEqualTo(otherPostmaster);
        assertThat(itemIds(other.jdbcUrl)).containsExactlyElementsOf(range(1, 10));
        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1000, 1030));
        assertThat(showSetting(second.jdbcUrl, "data_directory")).isEqualTo(pgData(dataDir).toRealPath().toString());
    }

    @Test
    void emptyPostmasterPidLeftByACrashDuringStartUpDoesNotBlockTheNextStart() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1, 15);
        first.stop();
        assertThat(first.process.exitValue()).isZero();
        // PostgreSQL itself refuses such a file: FATAL "lock file postmaster.pid is empty".
        Files.writeString(pgData(dataDir).resolve(Postmaster.PID_FILE), "");

        Harness second = startReady(dataDir, 0);

        assertThat(itemIds(second.jdbcUrl)).containsExactlyElementsOf(range(1, 15));
    }

}
