package io.migrationplatform.platform.database;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
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

/** Process plumbing for the embedded PostgreSQL process tests: postgres processes by data directory, and the child JVM harness. */
final class PostgresTestProcesses {

    private PostgresTestProcesses() {
    }

    static Path pgData(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    static ProcessHandle postmasterOf(Path dataDir) throws IOException {
        String firstLine = Files.readAllLines(pgData(dataDir).resolve(Postmaster.PID_FILE)).get(0).trim();
        long pid = Long.parseLong(firstLine);
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("postmaster.pid names " + pid + ", which is not running"));
    }

    /** Writes a postmaster.pid in PostgreSQL's format (taken from a real one) that names {@code pid}. */
    static void writeStalePidFile(Path dataDir, List<String> realPidFile, long pid) throws IOException {
        assertThat(realPidFile.size()).as("postmaster.pid lines").isGreaterThanOrEqualTo(7);
        List<String> stale = new ArrayList<>(realPidFile);
        stale.set(0, Long.toString(pid));
        Files.write(pgData(dataDir).resolve(Postmaster.PID_FILE), stale);
    }

    static void awaitExecuted(Process process, String executable) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                Path exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe"));
                if (exe.getFileName().toString().equals(executable)) {
                    return;
                }
            } catch (IOException ignored) {
                // not yet
            }
            Thread.sleep(20);
        }
        fail("process " + process.pid() + " never became " + executable);
    }

    /** Whether SIGINT, SIGQUIT or SIGTERM is ignored or blocked in the process (from /proc/PID/status). */
    static boolean signalsIgnoredOrBlocked(long pid) throws IOException {
        long mask = (1L << (2 - 1)) | (1L << (3 - 1)) | (1L << (15 - 1));
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:") || line.startsWith("SigBlk:")) {
                long bits = Long.parseUnsignedLong(line.substring(line.indexOf(':') + 1).trim(), 16);
                if ((bits & mask) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Alive and not a zombie. {@link ProcessHandle#isAlive()} is true for a process that has exited
     * but not been reaped yet; a postmaster re-parented to init is in that state until init reaps it.
     */
    static boolean isRunning(ProcessHandle handle) {
        Optional<ProcessHandle> now = ProcessHandle.of(handle.pid());
        if (now.isEmpty() || !now.get().equals(handle) || !now.get().isAlive()) {
            return false; // gone, or the PID now belongs to another process (ProcessHandle compares start times)
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"), StandardCharsets.ISO_8859_1);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Every live postgres process (postmaster and children) whose working directory is {@code pgData}. */
    static List<ProcessHandle> postgresProcessesServing(Path pgData) {
        Path real;
        try {
            real = pgData.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(PostgresTestProcesses::isRunning)
                .filter(p -> {
                    Path proc = Path.of("/proc", Long.toString(p.pid()));
                    try {
                        return Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString().startsWith("postgres")
                                && Files.readSymbolicLink(proc.resolve("cwd")).equals(real);
                    } catch (IOException | RuntimeException e) {
                        return false;
                    }
                })
                .collect(Collectors.toList());
    }

    static void awaitNoPostgresServing(Path pgData) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!postgresProcessesServing(pgData).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("postgres processes still serving " + pgData + ": " + postgresProcessesServing(pgData));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Cleanup: stops the postmaster named in {@code pgData/postmaster.pid} only after proving it is a
     * postgres serving that directory (fast shutdown, then SIGKILL), then any postgres child left there.
     */
    static void stopPostgresServing(Path pgData) {
        try {
            Optional<ProcessHandle> postmaster = new Postmaster(pgData).runningPostmaster();
            if (postmaster.isPresent()) {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (isRunning(postmaster.get()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            for (ProcessHandle leftover : postgresProcessesServing(pgData)) {
                leftover.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("cleanup of " + pgData + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitQuietly(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One child JVM running {@link EmbeddedPostgresHarness}. */
    static final class Harness {

        static final String EOF = "\u0000EOF";

        final Process process;
        final Path log;
        final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        String jdbcUrl;

        Harness(Process process, Path log) {
            this.process = process;
            this.log = log;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        stdout.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                } finally {
                    stdout.add(EOF);
                }
            }, "harness-stdout-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        /** The first READY/FAILED line, or a description of why none came. */
        String awaitOutcome(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? stdout.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    return "TIMEOUT after " + timeout;
                }
                if (line.equals(EOF)) {
                    return "EOF (exit " + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "?") + ")";
                }
                seen.add(line);
                if (line.startsWith("READY ") || line.startsWith("FAILED")) {
                    return line;
                }
            }
        }

        /** Sends STOP and waits for the JVM to exit. */
        void stop() throws IOException, InterruptedException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("STOP\n");
            in.flush();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                fail("harness did not exit after STOP\n" + describe());
            }
        }

        void kill() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            waitQuietly(process);
        }

        String describe() {
            StringBuilder text = new StringBuilder("harness pid ").append(process.pid()).append(", stdout ").append(seen)
                    .append(", log ").append(log).append(":\n");
            try {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> text.append("  ").append(l).append('\n'));
            } catch (IOException e) {
                text.append("  (unreadable: ").append(e.getMessage()).append(")\n");
            }
            return text.toString();
        }
    }
}
