package io.migrationplatform.platform.database;

import static io.migrationplatform.platform.database.PostgresTestProcesses.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.platform.database.PostgresTestProcesses.Harness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;


/** What the embedded PostgreSQL refuses to do: share a data directory, a port or a foreign directory. */
class EmbeddedPostgresRefusalTest extends EmbeddedPostgresProcessTestSupport {

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

}
