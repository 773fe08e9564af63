package io.migrationplatform.identity.admin;

import io.migrationplatform.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: when no user exists, create a platform administrator (from {@code MIGRATE_ADMIN_EMAIL}
 * and {@code MIGRATE_ADMIN_PASSWORD}, or with a random password printed once in the log), plus a
 * first client account and engagement, so a fresh installation is usable at once. An advisory
 * lock keeps two instances starting together from doing it twice.
 */
@Component
@Order(0)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    private static final long LOCK_KEY = 0x6d69677261746501L;

    private final AdminRepository repository;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final String email;
    private final String password;
    private final Path dataDir;

    BootstrapAdministrator(AdminRepository repository, JdbcClient jdbc, PasswordEncoder passwordEncoder,
                           TransactionTemplate transactions,
                           @Value("${migrate.admin.email:admin@example.com}") String email,
                           @Value("${migrate.admin.password:}") String password,
                           @Value("${migrate.data-dir:./data}") Path dataDir) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.email = email.trim().toLowerCase(Locale.ROOT);
        this.password = password;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isEmpty() && (password.length() < 8
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > AdminService.MAX_PASSWORD_BYTES)) {
            throw new IllegalStateException("MIGRATE_ADMIN_PASSWORD must be 8 characters to 72 bytes long");
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalStateException("MIGRATE_ADMIN_EMAIL is not an email address: " + email);
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            boolean anyUser = jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
            if (anyUser) {
                return;
            }
            UUID account = UUID.randomUUID();
            UUID engagement = UUID.randomUUID();
            UUID admin = UUID.randomUUID();
            repository.insertAccount(account, "Default client account");
            repository.insertEngagement(engagement, account, "Default engagement", "Created on first start");
            boolean generated = password.isEmpty();
            String secret = generated ? randomPassword() : password;
            repository.insertUser(admin, email, passwordEncoder.encode(secret), "Platform administrator", true, account, engagement);
            repository.upsertRole(admin, account, Role.SUPER_ADMIN);
            if (generated) {
                String kept = keep(dataDir, secret);
                log.warn("""

                        ================================================================
                         First start: created platform administrator
                           email:    {}
                           password: {}
                         This password is shown only once{}. Set MIGRATE_ADMIN_EMAIL and
                         MIGRATE_ADMIN_PASSWORD before the first start to choose them.
                        ================================================================""", email, secret, kept);
            } else {
                log.info("First start: created platform administrator {} with the configured password", email);
            }
        });
    }

    /**
     * Keeps a generated password in {@code <data dir>/initial-admin-password}, readable by the server's user only
     * (as Jenkins keeps its initial admin password), so a local client such as {@code migrate} can log in
     * without the log. Returns the note for the log; nothing is kept if the file cannot be written.
     */
    static String keep(Path dataDir, String secret) {
        Path file = dataDir.resolve(INITIAL_PASSWORD_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            Files.writeString(file, secret + System.lineSeparator());
            return " (and kept in " + file + ", readable by you only; delete it once noted)";
        } catch (IOException | RuntimeException e) {
            log.debug("Could not keep the generated password in {}", file, e);
            return "";
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
