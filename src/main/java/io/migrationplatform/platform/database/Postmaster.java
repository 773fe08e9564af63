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
     * (kill -9, OOM kill), and removes a pid file that names no such postmaster.
     */
    void stopLeftover(Duration timeout) {
        OptionalLong recorded = recordedPid();
        if (recorded.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> leftover = runningPostmaster();
        if (leftover.isPresent()) {
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
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
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
