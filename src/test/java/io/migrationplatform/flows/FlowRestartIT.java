package io.migrationplatform.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.support.ApiClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A flow outlives its server: stopped while a flow is in the middle of a phase, the next server on
 * the same database resumes it (the interrupted phase runs again) and finishes it — never left running.
 */
class FlowRestartIT {

    private static final String ADMIN_EMAIL = "flows@restart.example.com";
    private static final String ADMIN_PASSWORD = "restart-admin-password";

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(MigrationPlatformApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=", "--spring.flyway.schemas=public", "--server.port=0",
                        "--migrate.data-dir=" + dataDir, "--migrate.admin.email=" + ADMIN_EMAIL,
                        "--migrate.admin.password=" + ADMIN_PASSWORD, "--migrate.auth.jwt-secret=",
                        "--migrate.tasks.heartbeat-interval=500ms", "--migrate.tasks.polling-interval=200ms",
                        "--migrate.tasks.shutdown-max-wait=1s");
    }

    private static ApiClient admin(ConfigurableApplicationContext context) {
        ApiClient api = new ApiClient("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        String token = api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .json().get("access_token").asString();
        return api.withToken(token);
    }

    @Test
    void aFlowInterruptedByAStopIsFinishedByTheNextServer() {
        Path dataDir = Path.of("target", "it-data", "flow-restart-" + UUID.randomUUID());
        String flowId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            ApiClient api = admin(first);
            flowId = api.post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "long",
                    "configuration", Map.of("steps", 240))).json().get("id").asString();
            JsonNode running = io.migrationplatform.support.Polling.until(() -> api.get("/api/v1/flows/" + flowId).json(),
                    json -> "work".equals(json.path("current_phase").asString(null)) && json.at("/phases/1/progress").asInt() > 5,
                    java.time.Duration.ofSeconds(30), "flow at work");
            assertThat(running.get("status").asString()).isEqualTo("running");
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            ApiClient api = admin(second);
            JsonNode interrupted = api.get("/api/v1/flows/" + flowId).json();
            assertThat(interrupted.get("status").asString()).as("not failed by the stop").isIn("running", "pending", "completed");
            JsonNode done = FlowsIT.await(api, flowId, "completed");
            assertThat(done.at("/result/steps").asInt()).isEqualTo(240);
            assertThat(done.get("progress").asInt()).isEqualTo(100);
            assertThat(TestFlowHandlers.EXECUTIONS.get(flowId).get()).as("the interrupted execution, then the resumed one").isEqualTo(2);
        }
    }
}
