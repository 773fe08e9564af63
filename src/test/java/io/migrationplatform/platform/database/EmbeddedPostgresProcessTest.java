package io.migrationplatform.platform.database;

import static io.migrationplatform.platform.database.PostgresTestProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.migrationplatform.platform.database.PostgresTestProcesses.Harness;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the safety properties of {@link EmbeddedPostgresServer} with real processes: the server
 * runs in a child JVM ({@link EmbeddedPostgresHarness}) that the test stops, kills with SIGKILL or
 * starts twice, and the PostgreSQL server processes are inspected through {@code /proc}.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedPostgresProcessTest {

    /** Upper bound for one harness to print READY/FAILED; longer than the harness' own 120 s start-up wait. */
    private static final Duration STARTUP = Duration.ofSeconds(150);
    /** A refusal must come well before the 120 s the harness would spend waiting for a server to start. */
    private static final Duration QUICK_REFUSAL = Duration.ofSeconds(60);

    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().resolve("target");
    private static final Path BINARIES = TARGET.resolve("pg-binaries");
    private static final Path LOGS = TARGET.resolve("embedded-postgres-process-test");
    private static final AtomicInteger LOG_SEQUENCE = new AtomicInteger();

    @TempDir
    Path tmp;

    private String testName;
    private final List<Harness> harnesses = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Process> otherProcesses = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void setUp(TestInfo info) throws IOException {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        Files.createDirectories(BINARIES);
        Files.createDirectories(LOGS);
    }

    @AfterEach
    void cleanUp() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server may already be gone
            }
        }
        for (Harness harness : harnesses) {
            harness.kill();
        }
        for (Path dataDir : dataDirs) {
            stopPostgresServing(dataDir.resolve("postgres"));
        }
        for (Process process : otherProcesses) {
            process.destroyForcibly();
            waitQuietly(process);
        }
    }

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

    // ---------------------------------------------------------------------------------------------
    // d) a second instance on the same data directory
    // ---------------------------------------------------------------------------------------------

    @Test
    void secondInstanceOnTheSameDataDirectoryRefusesQuicklyAndLeavesTheFirstAlone() throws Exception {
        Path dataDir = newDataDir("data");
        Harness first = startReady(dataDir, 0);
        insertItems(first.jdbcUrl, 1, 25);
        ProcessHandle postmaster = postmasterOf(dataDir);
        String pidFileBefore = Files.readString(pgData(dataDir).resolve(Postmaster.PID_FILE));

        Harness second = start(dataDir, 0);
        String outcome = second.awaitOutcome(QUICK_REFUSAL);

        assertThat(outcome).as(second.describe()).startsWith("FAILED").contains("already in use");
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.process.exitValue()).isNotZero();
        assertThat(isRunning(postmaster)).as("the first instance's postmaster").isTrue();
        assertThat(postmasterOf(dataDir)).isEqualTo(postmaster);
        assertThat(Files.readString(pgData(dataDir).resolve(Postmaster.PID_FILE))).isEqualTo(pidFileBefore);
        assertThat(first.process.isAlive()).isTrue();
        assertThat(itemIds(first.jdbcUrl)).containsExactlyElementsOf(range(1, 25));
        insertItems(first.jdbcUrl, 26, 30);
        assertThat(itemIds(first.jdbcUrl)).containsExactlyElementsOf(range(1, 30));
    }

    // ---------------------------------------------------------------------------------------------
    // e) a fixed port that another server already holds
    // ---------------------------------------------------------------------------------------------

    @Test
    void fixedPortHeldByAnotherServerIsRefusedAndThatServerIsUntouched() throws Exception {
        Path dataDir = newDataDir("data");
        Optional<String> machineServerStart = machinePostgresStartTime();
        if (machineServerStart.isPresent()) {
            Harness harness = start(dataDir, 5432);
            String outcome = harness.awaitOutcome(QUICK_REFUSAL);

            assertThat(outcome).as(harness.describe()).startsWith("FAILED").contains("5432").contains("already in use");
            assertThat(harness.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(harness.process.exitValue()).isNotZero();
            assertThat(machinePostgresStartTime()).as("the machine's PostgreSQL is still up and was never restarted")
                    .isEqualTo(machineServerStart);
        } else {
            try (ServerSocket taken = new ServerSocket()) {
                taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = taken.getLocalPort();
                Harness harness = start(dataDir, port);
                String outcome = harness.awaitOutcome(QUICK_REFUSAL);

                assertThat(outcome).as(harness.describe()).startsWith("FAILED").contains(Integer.toString(port))
                        .contains("already in use");
                assertThat(harness.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(harness.process.exitValue()).isNotZero();
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port); Socket accepted = taken.accept()) {
                    assertThat(accepted.isConnected()).as("the other server still owns the port").isTrue();
                }
            }
        }
        // refused before anything was initialised or started
        assertThat(pgData(dataDir).resolve("PG_VERSION")).doesNotExist();
        assertThat(pgData(dataDir).resolve(Postmaster.PID_FILE)).doesNotExist();
        assertThat(postgresProcessesServing(pgData(dataDir))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // f) a postgres/ directory that holds something else
    // ---------------------------------------------------------------------------------------------

    @Test
    void foreignFilesInThePostgresDirectoryAreNeverInitialisedOver() throws Exception {
        Path dataDir = newDataDir("data");
        Path pgData = Files.createDirectories(pgData(dataDir));
        Path foreign = pgData.resolve("customer-inventory.csv");
        String content = "host,os\nweb-01,linux\n";
        Files.writeString(foreign, content);

        Harness harness = start(dataDir, 0);
        String outcome = harness.awaitOutcome(QUICK_REFUSAL);

        assertThat(outcome).as(harness.describe()).startsWith("FAILED").contains("PG_VERSION").contains("Refusing to initialise");
        assertThat(harness.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(harness.process.exitValue()).isNotZero();
        assertThat(Files.readString(foreign)).isEqualTo(content);
        try (Stream<Path> entries = Files.list(pgData)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("customer-inventory.csv");
        }
        assertThat(postgresProcessesServing(pgData)).isEmpty();
    }

    // =============================================================================================
    // helpers
    // =============================================================================================

    private Path newDataDir(String name) throws IOException {
        Path dataDir = Files.createDirectories(tmp.resolve(name));
        dataDirs.add(dataDir);
        return dataDir;
    }

    private Harness start(Path dataDir, int port) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = LOGS.resolve(testName + "-" + LOG_SEQUENCE.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresHarness.class.getName(),
                dataDir.toString(), Integer.toString(port), BINARIES.toString())
                .redirectError(log.toFile());
        Harness harness = new Harness(builder.start(), log);
        harnesses.add(harness);
        return harness;
    }

    private Harness startReady(Path dataDir, int port) throws IOException, InterruptedException {
        Harness harness = start(dataDir, port);
        String outcome = harness.awaitOutcome(STARTUP);
        if (!outcome.startsWith("READY ")) {
            fail("Harness did not start: " + outcome + "\n" + harness.describe());
        }
        String[] parts = outcome.split(" ");
        harness.jdbcUrl = parts[2];
        return harness;
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedPostgresServer.USER);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        Connection connection = DriverManager.getConnection(jdbcUrl, props);
        connections.add(connection);
        return connection;
    }

    private void insertItems(String jdbcUrl, int fromId, int toId) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS items(id int PRIMARY KEY, name text NOT NULL)");
            s.executeUpdate("INSERT INTO items(id, name) SELECT g, 'item ' || g FROM generate_series(" + fromId + ", " + toId + ") g");
        }
    }

    private List<Integer> itemIds(String jdbcUrl) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name FROM items ORDER BY id")) {
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo("item " + rs.getInt(1));
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private String showSetting(String jdbcUrl, String setting) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** The machine's PostgreSQL at 127.0.0.1:5432, if one answers: its start time identifies that incarnation. */
    private Optional<String> machinePostgresStartTime() {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
        } catch (IOException e) {
            return Optional.empty();
        }
        try (Connection c = connect("jdbc:postgresql://127.0.0.1:5432/test"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_postmaster_start_time()::text")) {
            rs.next();
            return Optional.of(rs.getString(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }


    private Process startOther(Path workingDirectory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        otherProcesses.add(process);
        return process;
    }
}
