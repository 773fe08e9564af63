package io.migrationplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretProviderTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> JwtSecretProvider.resolve("too-short", true, dataDir))
                .hasMessageContaining("at least 32 bytes");
        assertThat(JwtSecretProvider.resolve("x".repeat(32), false, dataDir)).hasSize(32);
    }

    @Test
    void anExternalDatabaseWithoutSecretIsRefused() {
        assertThatThrownBy(() -> JwtSecretProvider.resolve("", false, dataDir)).hasMessageContaining("MIGRATE_JWT_SECRET");
    }

    @Test
    void theEmbeddedDefaultGeneratesOneSecretAndKeepsItPrivate() throws Exception {
        byte[] first = JwtSecretProvider.resolve(null, true, dataDir);
        byte[] second = JwtSecretProvider.resolve(null, true, dataDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret")))).isEqualTo("rw-------");
    }
}
