package io.migrationplatform.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code postmaster.pid} in a data directory says, checked against the live process table.
 * A PID from that file is only ever signalled after proving it is a {@code postgres} binary whose
 * working directory is this data directory: after a crash the PID may have been reused by an
 * unrelated process, and signalling that would be a serious bug.
 */
final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    static final String PID_FILE = "postmaster.pid";

    private final Path pgData;

    Postmaster(Path pgData) {
        this.pgData = pgData;
    }

    Path pidFile() {
        return pgData.resolve(PID_FILE);
    }

    /** The PID written in postmaster.pid, if the file exists and its first line is a number. */
    OptionalLong recordedPid() {
        try {
            List<String> lines = Files.readAllLines(pidFile(), StandardCharsets.US_ASCII);
            if (lines.isEmpty()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            log.warn("Unreadable {} ({}); treating it as stale", pidFile(), e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** The live postmaster of this data directory, if one is running. */
    Optional<ProcessHandle> runningPostmaster() {
        OptionalLong pid = recordedPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).filter(this::isPostgresOfThisDirectory);
    }

    boolean isPostgresOfThisDirectory(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        try {
            String executable = Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString();
            if (!executable.equals("postgres") && !executable.startsWith("postgres ")) {
                return false;
            }
            return Files.readSymbolicLink(proc.resolve("cwd")).equals(pgData.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /**
     * Stops a postmaster left running by an earlier process of ours that died without stopping it
     * (kill -9, OOM kill), and removes a pid file that names no such postmaster, or no PID at all.
     */
    void stopLeftover(Duration timeout) {
        if (!Files.exists(pidFile())) {
            return;
        }
        OptionalLong recorded = recordedPid();
        Optional<ProcessHandle> leftover = runningPostmaster();
        if (recorded.isEmpty()) {
            // Empty or garbled, as a crash during start-up can leave it: pg_ctl and postgres refuse to
            // start over such a file ("the PID file is empty"), so it would block every start.
            log.warn("{} names no PID: the file is stale and is removed", pidFile());
        } else if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            log.warn("A PostgreSQL server (PID {}) from an earlier run is still serving {}; shutting it down "
                    + "cleanly before starting", process.pid(), pgData);
            signal(process, "INT"); // fast shutdown: rolls back open transactions, keeps every committed one
            if (!awaitExit(process, timeout)) {
                log.warn("PostgreSQL PID {} did not stop within {}; requesting immediate shutdown "
                        + "(crash recovery will replay the WAL on start)", process.pid(), timeout);
                signal(process, "QUIT");
                if (!awaitExit(process, Duration.ofSeconds(30))) {
                    throw new EmbeddedDatabaseException("PostgreSQL PID " + process.pid() + " serving " + pgData
                            + " does not stop. Stop it by hand, then start again.");
                }
            }
        } else {
            log.warn("{} names PID {}, which is not a PostgreSQL server of this data directory: the file is stale "
                    + "and is removed (the process is left alone)", pidFile(), recorded.getAsLong());
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot remove stale " + pidFile() + ": " + e.getMessage(), e);
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. {@link ProcessHandle#isAlive()} is also true for a process that has
     * exited but was not reaped yet; a postmaster is re-parented to init when pg_ctl exits, and an
     * init that reaps late (or a JVM running as PID 1, which never reaps it) would otherwise make
     * every shutdown wait for the full timeout although the server is gone.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"), StandardCharsets.ISO_8859_1);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc (or the process just vanished): trust the JDK
        }
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot signal PostgreSQL PID " + process.pid() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
