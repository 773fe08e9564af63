package io.migrationplatform.identity.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the token signing secret comes from: {@code MIGRATE_JWT_SECRET} when set (refused below 32
 * bytes); on the embedded default without it, a random secret generated once and kept in the data
 * directory so tokens survive a restart. With an external database and no secret the service
 * refuses to start: several instances must share one secret, and a per-node secret would silently
 * reject tokens issued by the others.
 */
final class JwtSecretProvider {

    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtSecretProvider.class);

    private JwtSecretProvider() {
    }

    static byte[] resolve(String configured, boolean embeddedDatabase, Path dataDir) {
        if (configured != null && !configured.isEmpty()) {
            byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_BYTES) {
                throw new IllegalStateException("MIGRATE_JWT_SECRET must be at least " + MIN_BYTES
                        + " bytes long (it has " + secret.length + "). Generate one with: openssl rand -base64 48");
            }
            return secret;
        }
        if (!embeddedDatabase) {
            throw new IllegalStateException("MIGRATE_JWT_SECRET is not set. With an external database every instance "
                    + "must share one signing secret of at least " + MIN_BYTES + " bytes (openssl rand -base64 48).");
        }
        return fromDataDirectory(dataDir.toAbsolutePath().normalize().resolve("jwt-secret"));
    }

    private static byte[] fromDataDirectory(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (secret.length >= MIN_BYTES) {
                    return secret;
                }
                throw new IllegalStateException(file + " holds a secret shorter than " + MIN_BYTES + " bytes");
            }
            byte[] secret = new byte[48];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("jwt-secret.tmp");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a token signing secret in {} (set MIGRATE_JWT_SECRET to manage it yourself)", file);
            return secret;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read or create the signing secret " + file + ": " + e.getMessage(), e);
        }
    }
}
