package io.migrationplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.support.ApiClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default as a user meets it: first start on an empty data directory creates an
 * administrator with a password printed once; stop and start again, and the data, the password
 * and even the access tokens issued before the restart are still valid.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MigrationPlatformApplication.class)
                .profiles("test")
                // Command-line arguments win over the environment: always the embedded database here.
                .run("--spring.datasource.url=", "--spring.flyway.schemas=public", "--server.port=0", "--migrate.data-dir=" + dataDir,
                        "--migrate.admin.email=first@start.example.com", "--migrate.admin.password=",
                        "--migrate.auth.jwt-secret=");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void dataPasswordAndTokensSurviveARestart(CapturedOutput output) {
        Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID());
        String password;
        String accessToken;
        String accountName = "Survives restart " + UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(output.getAll()).contains("starting the embedded PostgreSQL")
                    .containsPattern("Database: PostgreSQL [0-9.]+ at jdbc:postgresql://localhost:[0-9]+/migration_platform");
            Matcher matcher = PASSWORD.matcher(output.getAll());
            assertThat(matcher.find()).as("generated password printed once").isTrue();
            password = matcher.group(1);
            ApiClient api = client(first);
            accessToken = api.post("/api/v1/auth/login", Map.of("email", "first@start.example.com", "password", password))
                    .json().get("access_token").asString();
            assertThat(api.withToken(accessToken).post("/api/v1/admin/client-accounts", Map.of("name", accountName)).status())
                    .isEqualTo(201);
        }
        int printedBefore = countMatches(output.getAll());
        try (ConfigurableApplicationContext second = start(dataDir)) {
            ApiClient api = client(second);
            assertThat(countMatches(output.getAll())).as("no second administrator, no second password").isEqualTo(printedBefore);
            assertThat(api.withToken(accessToken).get("/api/v1/admin/client-accounts?page_size=100").text()).contains(accountName);
            assertThat(api.post("/api/v1/auth/login", Map.of("email", "first@start.example.com", "password", password)).status())
                    .isEqualTo(200);
        }
    }

    private static int countMatches(String text) {
        Matcher matcher = PASSWORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
