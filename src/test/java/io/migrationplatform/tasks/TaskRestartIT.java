package io.migrationplatform.tasks;

import static io.migrationplatform.tasks.TaskFixtures.awaitTask;
import static io.migrationplatform.tasks.TaskFixtures.get;
import static io.migrationplatform.tasks.TaskFixtures.status;
import static io.migrationplatform.tasks.TaskFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.support.ApiClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Tasks outlive their server. Three application contexts run one after the other on one data
 * directory (one database), each stopped while tasks are still running:
 * <ul>
 * <li>a task that ignores interrupts (stuck, as in a crash: its server stops beating without a word)
 *     is found dead by the next server's db-scheduler and resumed there, as attempt 2, to completion;</li>
 * <li>a task that obeys the interrupt of a stop is queued again at once and completed by the next server;</li>
 * <li>a poison task that never finishes is failed, with a message saying so, once its attempts
 *     ({@code max-attempts} 2 here) were all interrupted: never "running" for ever.</li>
 * </ul>
 * Short heartbeats (500 ms: dead after 3 s) keep it quick.
 */
class TaskRestartIT {

    private static final String ADMIN_EMAIL = "tasks@restart.example.com";
    private static final String ADMIN_PASSWORD = "restart-admin-password";

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MigrationPlatformApplication.class)
                .profiles("test")
                // Command-line arguments win over the environment: always an embedded database of its own here.
                .run("--spring.datasource.url=", "--spring.flyway.schemas=public", "--server.port=0",
                        "--migrate.data-dir=" + dataDir, "--migrate.admin.email=" + ADMIN_EMAIL,
                        "--migrate.admin.password=" + ADMIN_PASSWORD, "--migrate.auth.jwt-secret=",
                        "--migrate.tasks.heartbeat-interval=500ms", "--migrate.tasks.polling-interval=200ms",
                        "--migrate.tasks.max-attempts=2", "--migrate.tasks.shutdown-max-wait=1s",
                        "--migrate.tasks.threads=4");
    }

    private static ApiClient admin(ConfigurableApplicationContext context) {
        ApiClient api = new ApiClient("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        String token = api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .json().get("access_token").asString();
        return api.withToken(token);
    }

    @AfterAll
    static void releaseStuckThreads() {
        TestTaskHandlers.releaseAll();
    }

    @Test
    void runningTasksAreResumedAfterARestartAndAPoisonTaskEndsFailed() {
        Path dataDir = Path.of("target", "it-data", "task-restart-" + UUID.randomUUID());
        String stuck;
        String obedient;
        String poison;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            ApiClient api = admin(first);
            stuck = submit(api, "test.block-until-released",
                    Map.of("gate", "stuck-" + UUID.randomUUID(), "block_attempts", 1, "interruptible", false));
            obedient = submit(api, "test.block-until-released",
                    Map.of("gate", "obedient-" + UUID.randomUUID(), "block_attempts", 1));
            poison = submit(api, "test.block-until-released",
                    Map.of("gate", "poison-" + UUID.randomUUID(), "interruptible", false));
            for (String id : new String[] {stuck, obedient, poison}) {
                JsonNode running = awaitTask(api, id, status("running"), 20);
                assertThat(running.get("attempts").asInt()).isEqualTo(1);
            }
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            ApiClient api = admin(second);
            JsonNode resumed = awaitTask(api, stuck, status("completed"), 30);
            assertThat(resumed.get("attempts").asInt()).isEqualTo(2);
            assertThat(resumed.get("result").get("attempt").asInt()).isEqualTo(2);
            assertThat(resumed.get("progress").asDouble()).isEqualTo(1.0);

            JsonNode requeued = awaitTask(api, obedient, status("completed"), 30);
            assertThat(requeued.get("attempts").asInt()).isEqualTo(2);
            assertThat(requeued.get("result").get("attempt").asInt()).isEqualTo(2);

            JsonNode again = awaitTask(api, poison, t -> t.get("attempts").asInt() == 2, 30);
            assertThat(again.get("status").asString()).isEqualTo("running");
            assertThat(again.get("message").asString()).isEqualTo("Resumed after an interruption (attempt 2 of 2)");
        }

        try (ConfigurableApplicationContext third = start(dataDir)) {
            ApiClient api = admin(third);
            JsonNode failed = awaitTask(api, poison, status("failed"), 30);
            assertThat(failed.get("attempts").asInt()).isEqualTo(2);
            assertThat(failed.get("message").asString()).startsWith("Interrupted 2 times");
            assertThat(failed.get("finished_at").isNull()).isFalse();
            // The others stay as they ended.
            assertThat(get(api, stuck).get("status").asString()).isEqualTo("completed");
            assertThat(get(api, obedient).get("status").asString()).isEqualTo("completed");
        }
    }
}
