package io.migrationplatform.discovery;

import static io.migrationplatform.discovery.ImportFixtures.execute;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An execution whose server died (its heartbeat stopped) is failed visibly, never left running;
 * executing it again finishes it without duplicates. A running import cannot be started twice.
 */
class ImportRecoveryIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportExecutor executor;

    @Test
    void anAbandonedExecutionIsFailedAndCanBeRunAgain() {
        TestTenants t = tenants();
        ApiClient client = t.as(t.createUser(t.createTenant("recovery"), "contributor"));
        String csv = "name,environment\nrec-1,prod\nrec-2,dev\n";
        String id = upload(client, "r.csv", csv.getBytes(StandardCharsets.UTF_8)).get("id").asString();
        // As a server killed mid-import leaves it: running, heartbeat long stopped.
        jdbc.sql("UPDATE discovery_imports SET status = 'running', updated_at = now() - interval '10 minutes' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();
        ApiClient.Response twice = client.post("/api/v1/discovery/imports/" + id + "/execute", null);
        assertThat(twice.status()).isEqualTo(409);

        executor.failAbandoned();
        JsonNode failed = client.get("/api/v1/discovery/imports/" + id).json();
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("Interrupted");

        JsonNode done = execute(client, id);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        JsonNode again = execute(client, id);
        assertThat(again.at("/result/assets_unchanged").asInt()).isEqualTo(2);
        assertThat(client.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isEqualTo(2);
    }

    @Test
    void aLiveExecutionIsNotTakenForAbandoned() {
        TestTenants t = tenants();
        ApiClient client = t.as(t.createUser(t.createTenant("live"), "contributor"));
        String id = upload(client, "l.csv", "name,environment\nlive-1,prod\n".getBytes(StandardCharsets.UTF_8)).get("id").asString();
        jdbc.sql("UPDATE discovery_imports SET status = 'running', updated_at = now() WHERE id = :id")
                .param("id", UUID.fromString(id)).update();
        executor.failAbandoned();
        assertThat(client.get("/api/v1/discovery/imports/" + id).json().get("status").asString()).isEqualTo("running");
        jdbc.sql("UPDATE discovery_imports SET status = 'failed' WHERE id = :id").param("id", UUID.fromString(id)).update();
    }
}
