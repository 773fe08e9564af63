package io.migrationplatform.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is its owner's alone, and no one else may replace the PostgreSQL binaries the service runs. */
class EmbeddedDirectoryPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryIsOwnerOnly() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        EmbeddedPostgresServer.ownerOnly(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void extractedBinariesLoseWriteAccessForOthersAndKeepTheirOtherBits() throws Exception {
        Path binaries = Files.createDirectories(dir.resolve("pg-binaries/PG-abc/bin"));
        Path postgres = Files.createFile(binaries.resolve("postgres"));
        for (Path p : new Path[] {dir.resolve("pg-binaries"), dir.resolve("pg-binaries/PG-abc"), binaries}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxrwx"));

        EmbeddedPostgresServer.notWritableByOthers(dir.resolve("pg-binaries"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pg-binaries/PG-abc")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(postgres))).isEqualTo("rwxr-xr-x");
    }
}
