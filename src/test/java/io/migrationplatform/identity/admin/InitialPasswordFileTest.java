package io.migrationplatform.identity.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialPasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedPasswordIsKeptForItsOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        String note = BootstrapAdministrator.keep(data, "s3cret-password");
        Path file = data.resolve(BootstrapAdministrator.INITIAL_PASSWORD_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo("s3cret-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(note).contains(file.toString()).contains("readable by you only");

        BootstrapAdministrator.keep(data, "another-one");
        assertThat(Files.readString(file).strip()).as("a new first start replaces it").isEqualTo("another-one");
    }

    @Test
    void anUnwritableDataDirectoryKeepsNothingAndSaysNothing() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        assertThat(BootstrapAdministrator.keep(notADirectory, "s3cret-password")).isEmpty();
    }
}
