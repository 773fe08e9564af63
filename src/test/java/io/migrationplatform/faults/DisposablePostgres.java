package io.migrationplatform.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * A PostgreSQL server of the fault tests' own (zonky's binaries, a data directory under {@code target/}),
 * so a test can stop it under load and start it again on the same port and data — which the machine's
 * shared server, or the test run's embedded one, must never be put through.
 */
final class DisposablePostgres implements AutoCloseable {

    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().resolve("target");

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private DisposablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static DisposablePostgres start() {
        try {
            Path dataDirectory = Files.createDirectories(TARGET.resolve("fault-postgres").resolve(UUID.randomUUID().toString()));
            DisposablePostgres postgres = new DisposablePostgres(dataDirectory, ServiceProcess.freePort());
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** (Re)starts the server on the same port and data directory. */
    void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /** Stops the server (fast shutdown: every session is cut, running transactions roll back). */
    void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() {
        if (server != null) {
            stopServer();
        }
    }
}
