package io.migrationplatform.platform.database;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the embedded PostgreSQL runs.
 *
 * @param dataDir        the application's data directory; PostgreSQL keeps its files in {@code postgres/} below it
 * @param port           TCP port on localhost; 0 picks a free one
 * @param binariesDir    where the PostgreSQL binaries are unpacked (never holds data)
 * @param startupTimeout how long to wait for the server, including crash recovery
 */
public record EmbeddedDatabaseSettings(Path dataDir, int port, Path binariesDir, Duration startupTimeout) {

    public EmbeddedDatabaseSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        binariesDir = binariesDir == null ? dataDir.resolve("pg-binaries") : binariesDir.toAbsolutePath().normalize();
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(120) : startupTimeout;
    }

    public Path pgData() {
        return dataDir.resolve("postgres");
    }
}
