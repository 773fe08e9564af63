package io.migrationplatform.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the black-box API tests: the whole application on a random port, called over real
 * HTTP. All subclasses share one application context (and so one embedded PostgreSQL); each test
 * creates its own tenants, so tests never depend on each other's data. With
 * {@code SPRING_DATASOURCE_URL} set (the CI's external-db pass) the same tests run against that server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    public static final String ADMIN_EMAIL = "admin@it.example.com";
    public static final String ADMIN_PASSWORD = "integration-admin-password";
    private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("migrate.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    protected int port;

    /** An anonymous client. */
    protected ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    /** The key the running application signs tokens with, so tests can forge tokens it must reject. */
    protected static byte[] signingSecret() {
        String configured = System.getenv("MIGRATE_JWT_SECRET");
        if (configured != null && !configured.isEmpty()) {
            return configured.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return java.util.Base64.getDecoder().decode(java.nio.file.Files.readString(DATA_DIR.resolve("jwt-secret")).trim());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected TestTenants tenants() {
        return new TestTenants(api());
    }
}
