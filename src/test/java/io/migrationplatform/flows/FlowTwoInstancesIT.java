package io.migrationplatform.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application instances on one database, as two nodes behind a load balancer: flows started
 * through either are each executed exactly once, by one of them, and both see the same state.
 */
class FlowTwoInstancesIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void eachFlowIsExecutedByExactlyOneInstance() {
        HikariDataSource shared = (HikariDataSource) dataSource;
        Path dir = Path.of("target", "it-data", "flows-b-" + UUID.randomUUID());
        try (ConfigurableApplicationContext instanceB = new SpringApplicationBuilder(MigrationPlatformApplication.class)
                .profiles("test")
                .run("--server.port=0", "--migrate.data-dir=" + dir, "--spring.datasource.url=" + shared.getJdbcUrl(),
                        "--spring.datasource.username=" + shared.getUsername(),
                        "--spring.datasource.password=" + (shared.getPassword() == null ? "" : shared.getPassword()),
                        "--migrate.auth.jwt-secret=flow-two-instances-test-secret-0123456789-abcdef")) {
            TestTenants t = tenants();
            TestTenants.User user = t.createUser(t.createTenant("flows-two-instances"), "super_admin");
            ApiClient a = t.as(user);
            ApiClient anonymousB = new ApiClient("http://localhost:" + ((WebServerApplicationContext) instanceB).getWebServer().getPort());
            // Each instance here signs its own tokens (its own data dir): log in on B as the same user.
            ApiClient b = anonymousB.withToken(anonymousB.post("/api/v1/auth/login",
                    Map.of("email", user.email(), "password", user.password())).json().get("access_token").asString());
            List<String> flows = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ApiClient via = i % 2 == 0 ? a : b;
                ApiClient.Response started = via.post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "flow " + i,
                        "configuration", Map.of("steps", 8)));
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                flows.add(started.json().get("id").asString());
            }
            for (int i = 0; i < flows.size(); i++) {
                String id = flows.get(i);
                FlowsIT.await(i % 2 == 0 ? b : a, id, "completed");
                assertThat(TestFlowHandlers.EXECUTIONS.get(id).get()).as("executions of flow " + i).isEqualTo(1);
            }
        }
    }
}
