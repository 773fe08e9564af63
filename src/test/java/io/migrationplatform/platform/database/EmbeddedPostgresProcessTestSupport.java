package io.migrationplatform.platform.database;

import static io.migrationplatform.platform.database.PostgresTestProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.migrationplatform.platform.database.PostgresTestProcesses.Harness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;


/**
 * Shared set-up of the embedded PostgreSQL process tests: the server runs in a child JVM
 * ({@link EmbeddedPostgresHarness}) that a test stops, kills with SIGKILL or starts twice; the
 * PostgreSQL processes are inspected through {@code /proc}; everything a test started is stopped
 * afterwards.
 */
@EnabledOnOs(OS.LINUX)
abstract class EmbeddedPostgresProcessTestSupport {

    /** Upper bound for one harness to print READY/FAILED; longer than the harness' own 120 s start-up wait. */
    static final Duration STARTUP = Duration.ofSeconds(150);
    /** A refusal must come well before the 120 s the harness would spend waiting for a server to start. */
    static final Duration QUICK_REFUSAL = Duration.ofSeconds(60);

    static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().resolve("target");
    static final Path BINARIES = TARGET.resolve("pg-binaries");
    static final Path LOGS = TARGET.resolve("embedded-postgres-process-test");
    static final AtomicInteger LOG_SEQUENCE = new AtomicInteger();

    @TempDir
    Path tmp;

    String testName;
    final List<Harness> harnesses = new ArrayList<>();
    final List<Path> dataDirs = new ArrayList<>();
    final List<Process> otherProcesses = new ArrayList<>();
    final List<Connection> connections = new ArrayList<>();

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


    Path newDataDir(String name) throws IOException {
        Path dataDir = Files.createDirectories(tmp.resolve(name));
        dataDirs.add(dataDir);
        return dataDir;
    }

    Harness start(Path dataDir, int port) throws IOException {
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

    Harness startReady(Path dataDir, int port) throws IOException, InterruptedException {
        Harness harness = start(dataDir, port);
        String outcome = harness.awaitOutcome(STARTUP);
        if (!outcome.startsWith("READY ")) {
            fail("Harness did not start: " + outcome + "\n" + harness.describe());
        }
        String[] parts = outcome.split(" ");
        harness.jdbcUrl = parts[2];
        return harness;
    }

    Connection connect(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", EmbeddedPostgresServer.USER);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        Connection connection = DriverManager.getConnection(jdbcUrl, props);
        connections.add(connection);
        return connection;
    }

    void insertItems(String jdbcUrl, int fromId, int toId) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS items(id int PRIMARY KEY, name text NOT NULL)");
            s.executeUpdate("INSERT INTO items(id, name) SELECT g, 'item ' || g FROM generate_series(" + fromId + ", " + toId + ") g");
        }
    }

    List<Integer> itemIds(String jdbcUrl) throws SQLException {
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

    String showSetting(String jdbcUrl, String setting) throws SQLException {
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    static List<Integer> range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** The machine's PostgreSQL at 127.0.0.1:5432, if one answers: its start time identifies that incarnation. */
    Optional<String> machinePostgresStartTime() {
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


    Process startOther(Path workingDirectory, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        otherProcesses.add(process);
        return process;
    }
}
