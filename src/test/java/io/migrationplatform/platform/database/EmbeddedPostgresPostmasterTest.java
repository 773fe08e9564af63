package io.migrationplatform.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast checks of {@link Postmaster} against real, cheap processes: a copy of {@code sleep} named
 * {@code postgres} stands in for a postmaster, so the identity check ({@code /proc/PID/exe} and
 * {@code /proc/PID/cwd}) and the signalling are exercised without starting a database.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedPostgresPostmasterTest {

    @TempDir
    Path tmp;

    private Path pgData;
    private Path otherDir;
    private Path fakePostgres;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        pgData = Files.createDirectories(tmp.resolve("data/postgres"));
        otherDir = Files.createDirectories(tmp.resolve("other/postgres"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        fakePostgres = Files.copy(sleepBinary(), bin.resolve("postgres"), StandardCopyOption.COPY_ATTRIBUTES);
        fakePostgres.toFile().setExecutable(true);
    }

    @AfterEach
    void tearDown() {
        for (Process process : processes) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void recordedPidReadsTheFirstLineAndTreatsAnythingElseAsNoPid() throws IOException {
        Postmaster postmaster = new Postmaster(pgData);
        assertThat(postmaster.recordedPid()).isEmpty();

        Files.writeString(postmaster.pidFile(), "");
        assertThat(postmaster.recordedPid()).isEmpty();

        Files.writeString(postmaster.pidFile(), "not-a-pid\n" + pgData + "\n");
        assertThat(postmaster.recordedPid()).isEmpty();

        Files.writeString(postmaster.pidFile(), "4242\n" + pgData + "\n1700000000\n5432\n\nlocalhost\n  5432001    32768\nready   \n");
        assertThat(postmaster.recordedPid()).hasValue(4242);
    }

    @Test
    void aPostgresBinaryWorkingInThisDirectoryIsRecognised() throws Exception {
        Process fake = startIn(pgData, fakePostgres.toString(), "300");

        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(fake.toHandle())).isTrue();
        // the same directory reached through a symbolic link
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-postgres"), pgData);
        assertThat(new Postmaster(link).isPostgresOfThisDirectory(fake.toHandle())).isTrue();
    }

    @Test
    void aPostgresBinaryWorkingInAnotherDirectoryIsNotOurs() throws Exception {
        Process fake = startIn(otherDir, fakePostgres.toString(), "300");

        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(fake.toHandle())).isFalse();
        assertThat(new Postmaster(otherDir).isPostgresOfThisDirectory(fake.toHandle())).isTrue();
    }

    @Test
    void anotherBinaryWorkingInThisDirectoryIsNotOurs() throws Exception {
        Process sleep = startIn(pgData, sleepBinary().toString(), "300");

        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(sleep.toHandle())).isFalse();
        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(ProcessHandle.current())).isFalse();
    }

    @Test
    void aPostmasterWhoseBinaryWasReplacedOnDiskIsStillRecognised() throws Exception {
        Process fake = startIn(pgData, fakePostgres.toString(), "300");
        Files.delete(fakePostgres); // /proc/PID/exe now reads ".../postgres (deleted)", as after a package upgrade

        assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(fake.pid()), "exe")).getFileName().toString())
                .isEqualTo("postgres (deleted)");
        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(fake.toHandle())).isTrue();
    }

    @Test
    void anExitedProcessIsNotOurs() throws Exception {
        Process fake = startIn(pgData, fakePostgres.toString(), "300");
        ProcessHandle handle = fake.toHandle();
        fake.destroyForcibly();
        fake.waitFor(10, TimeUnit.SECONDS);

        assertThat(new Postmaster(pgData).isPostgresOfThisDirectory(handle)).isFalse();
    }

    @Test
    void stopLeftoverSignalsAProvenPostmasterAndRemovesItsPidFile() throws Exception {
        Process fake = startIn(pgData, fakePostgres.toString(), "300");
        Postmaster postmaster = new Postmaster(pgData);
        writePidFile(postmaster, fake.pid());
        assertThat(postmaster.runningPostmaster()).contains(fake.toHandle());

        postmaster.stopLeftover(Duration.ofSeconds(10));

        assertThat(fake.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fake.exitValue()).as("killed by SIGINT (128 + 2)").isEqualTo(130);
        assertThat(postmaster.pidFile()).doesNotExist();
    }

    @Test
    void stopLeftoverNeverSignalsAnUnrelatedProcessThatReusedThePid() throws Exception {
        Process sleep = startIn(pgData, sleepBinary().toString(), "300");
        Process otherPostgres = startIn(otherDir, fakePostgres.toString(), "300");
        Postmaster postmaster = new Postmaster(pgData);

        writePidFile(postmaster, sleep.pid());
        postmaster.stopLeftover(Duration.ofSeconds(10));
        assertThat(postmaster.pidFile()).doesNotExist();

        writePidFile(postmaster, otherPostgres.pid());
        postmaster.stopLeftover(Duration.ofSeconds(10));
        assertThat(postmaster.pidFile()).doesNotExist();

        Thread.sleep(200); // a signal, had one been sent, would have been delivered by now
        assertThat(sleep.isAlive()).isTrue();
        assertThat(otherPostgres.isAlive()).isTrue();
    }

    @Test
    void stopLeftoverIgnoresAMissingPidFileAndRemovesOneThatNamesNoPid() throws Exception {
        Postmaster postmaster = new Postmaster(pgData);
        postmaster.stopLeftover(Duration.ofSeconds(1));
        assertThat(postmaster.pidFile()).doesNotExist();

        // PostgreSQL refuses to start over an empty or garbled postmaster.pid ("lock file is empty",
        // "bogus data in lock file"), which a crash during start-up can leave behind.
        for (String content : List.of("", "\n", "garbage\n" + pgData + "\n")) {
            Files.writeString(postmaster.pidFile(), content);
            postmaster.stopLeftover(Duration.ofSeconds(1));
            assertThat(postmaster.pidFile()).as("postmaster.pid containing %s", content.replace("\n", "\\n")).doesNotExist();
        }
    }

    @Test
    void awaitExitTreatsAZombieAsExited() throws Exception {
        // sh starts a short child, then becomes a `sleep` that never reaps it: the child stays a zombie.
        Process parent = startIn(tmp, "sh", "-c", "sleep 0.1 & echo $!; exec sleep 300");
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
            childPid = Long.parseLong(out.readLine().trim());
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            awaitState(childPid, 'Z');
            assertThat(child.isAlive()).as("the JDK reports a zombie as alive").isTrue();

            assertThat(Postmaster.awaitExit(child, Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void awaitExitWaitsForARunningProcess() throws Exception {
        Process fake = startIn(pgData, fakePostgres.toString(), "300");
        assertThat(Postmaster.awaitExit(fake.toHandle(), Duration.ofMillis(300))).isFalse();
        fake.destroyForcibly();
        assertThat(Postmaster.awaitExit(fake.toHandle(), Duration.ofSeconds(10))).isTrue();
    }

    // ---------------------------------------------------------------------------------------------

    private Process startIn(Path dir, String... command) throws IOException, InterruptedException {
        List<String> withDefaultSignals = new ArrayList<>(List.of("env", "--default-signal"));
        withDefaultSignals.addAll(List.of(command));
        Process process = new ProcessBuilder(withDefaultSignals).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        Path executable = Path.of(command[0]);
        awaitExe(process.pid(), executable.getFileName().toString());
        return process;
    }

    private static void awaitExe(long pid, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                String exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).getFileName().toString();
                if (exe.equals(name) || name.equals("sh")) {
                    return;
                }
            } catch (IOException ignored) {
                // not exec'd yet
            }
            Thread.sleep(10);
        }
        fail("process " + pid + " never became " + name);
    }

    private static void awaitState(long pid, char state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            if (stat.charAt(stat.lastIndexOf(')') + 2) == state) {
                return;
            }
            Thread.sleep(10);
        }
        fail("process " + pid + " never reached state " + state);
    }

    private void writePidFile(Postmaster postmaster, long pid) throws IOException {
        Files.writeString(postmaster.pidFile(), pid + "\n" + pgData + "\n1700000000\n5432\n\nlocalhost\n  5432001    32768\nready   \n");
    }

    private static Path sleepBinary() throws IOException {
        for (String candidate : List.of("/usr/bin/sleep", "/bin/sleep")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path.toRealPath();
            }
        }
        throw new IOException("no sleep binary");
    }
}
