package io.migrationplatform.analysis;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static io.migrationplatform.support.AssetFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The analysis endpoints over real HTTP: a real inventory export end to end, caching, batches, tasks, tenancy. */
class AnalysisIT extends ApiIntegrationTest {

    @Test
    void theEnterpriseCmdbExportIsAnalysedSensiblyEndToEnd() throws IOException {
        ApiClient client = owner("analysis-cmdb");
        importFile(client, "enterprise-cmdb-20.csv");
        Map<String, String> idsByName = new HashMap<>();
        for (JsonNode a : client.get("/api/v1/assets?page_size=100").json().get("data")) {
            idsByName.put(a.get("name").asString(), a.get("id").asString());
        }
        assertThat(idsByName).hasSize(20);

        ApiClient.Response batch = client.post("/api/v1/assets/analyze-batch", Map.of("asset_ids", List.copyOf(idsByName.values())));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(batch.json().get("analyzed_count").asInt()).isEqualTo(20);

        JsonNode billing = results.get(idsByName.get("Legacy Billing System"));
        assertThat(billing.get("recommended_strategy").asString()).isEqualTo("refactor");
        assertThat(billing.get("migration_readiness").asString()).isEqualTo("low");
        assertThat(codes(billing.get("blockers"))).contains("mainframe");
        JsonNode db2 = results.get(idsByName.get("Legacy Database"));
        assertThat(db2.get("recommended_strategy").asString()).isNotEqualTo("rehost");
        assertThat(codes(db2.get("risks"))).contains("commercial_database");

        JsonNode gateway = results.get(idsByName.get("Payment Gateway"));
        JsonNode runtimeRisk = find(gateway.get("risks"), "runtime_end_of_support");
        assertThat(runtimeRisk).as("the Java 8 runtime risk").isNotNull();
        assertThat(runtimeRisk.at("/evidence/0/value").asString()).isEqualTo("Java 8");
        assertThat(gateway.at("/lifecycle/runtime/product").asString()).isEqualTo("oracle-jdk");
        assertThat(gateway.at("/lifecycle/runtime/status").asString()).isEqualTo("extended_support_only");

        JsonNode web = results.get(idsByName.get("Web Server 1"));
        assertThat(web.at("/lifecycle/operating_system/product").asString()).isEqualTo("ubuntu");
        for (JsonNode analysis : results) {
            assertThat(analysis.get("reasons").size()).as("every analysis explains itself").isPositive();
            assertThat(analysis.get("complexity_score").asInt()).isBetween(0, 100);
            assertThat(analysis.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(analysis.at("/effort/t_shirt").asString()).isIn("XS", "S", "M", "L", "XL");
        }
    }

    @Test
    void anAnalysisIsStoredAndTheLatestOneSaysWhenTheAssetChangedSince() {
        ApiClient client = owner("analysis-latest");
        String db = id(create(client, with(with(asset("orders-db", "database", "prod"), "database_type", "PostgreSQL 9.6"),
                "criticality", "high")));
        String app = id(create(client, asset("orders-app", "application", "prod")));
        assertThat(client.post("/api/v1/assets/" + app + "/dependencies", Map.of("depends_on_asset_id", db)).status()).isEqualTo(201);

        assertThat(client.get("/api/v1/assets/" + db + "/analysis").status()).isEqualTo(404);
        ApiClient.Response analyzed = client.post("/api/v1/assets/" + db + "/analyze", null);
        assertThat(analyzed.status()).as(analyzed.toString()).isEqualTo(200);
        JsonNode analysis = analyzed.json().get("analysis");
        assertThat(analyzed.json().get("asset_id").asString()).isEqualTo(db);
        assertThat(analysis.get("recommended_strategy").asString()).isEqualTo("replatform");
        assertThat(codes(analysis.get("blockers"))).contains("database_end_of_life");
        assertThat(analysis.at("/dependency_counts/dependents").asInt()).isEqualTo(1);
        assertThat(analysis.at("/dependencies/0/name").asString()).isEqualTo("orders-app");
        assertThat(analysis.at("/dependencies/0/direction").asString()).isEqualTo("dependent");

        JsonNode latest = client.get("/api/v1/assets/" + db + "/analysis").json();
        assertThat(latest.get("success").asBoolean()).isTrue();
        assertThat(latest.at("/data/recommended_strategy").asString()).isEqualTo("replatform");
        assertThat(latest.at("/metadata/stale").asBoolean()).isFalse();

        assertThat(client.put("/api/v1/assets/" + db, Map.of("six_r_strategy", "replatform")).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/assets/" + db + "/analysis").json().at("/metadata/stale").asBoolean())
                .as("a field the engine does not read changed").isFalse();
        assertThat(client.put("/api/v1/assets/" + db, Map.of("database_type", "PostgreSQL 16")).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/assets/" + db + "/analysis").json().at("/metadata/stale").asBoolean())
                .as("the cached answer was evicted by the change").isTrue();
        client.post("/api/v1/assets/" + db + "/analyze", null);
        JsonNode fresh = client.get("/api/v1/assets/" + db + "/analysis").json();
        assertThat(fresh.at("/metadata/stale").asBoolean()).isFalse();
        assertThat(codes(fresh.at("/data/blockers"))).doesNotContain("database_end_of_life");
    }

    @Test
    void batchesAreBoundedValidatedAndReportEveryIdTheyCouldNotAnalyse() {
        TestTenants t = tenants();
        ApiClient client = owner("analysis-batch");
        ApiClient other = t.as(t.createUser(t.createTenant("analysis-batch-other"), "super_admin"));
        String mine = id(create(client, asset("mine", "server", "prod")));
        String theirs = id(create(other, asset("theirs", "server", "prod")));

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(mine);
        }
        ApiClient.Response refused = client.post("/api/v1/assets/analyze-batch", Map.of("asset_ids", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asString()).isEqualTo("Maximum 100 assets per batch");
        assertThat(client.post("/api/v1/assets/analyze-batch", Map.of("asset_ids", List.of())).status()).isEqualTo(422);
        assertThat(client.post("/api/v1/assets/analyze-batch", Map.of("async_processing", true)).status()).isEqualTo(422);
        // Found by the fuzz: a 160,000-character "id" was stored as a key of the task's errors, and every later
        // GET /tasks failed reading it back. An id is refused before anything is stored.
        ApiClient.Response huge = client.post("/api/v1/assets/analyze-batch",
                Map.of("asset_ids", List.of(mine, "x".repeat(160_000)), "async_processing", true));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("asset_ids[1]");
        assertThat(client.get("/api/v1/tasks").status()).isEqualTo(200);

        JsonNode done = client.post("/api/v1/assets/analyze-batch",
                Map.of("asset_ids", List.of(mine, theirs, "not-a-uuid", mine), "async_processing", false)).json();
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("analyzed_count").asInt()).isEqualTo(1);
        assertThat(done.get("results").has(mine)).isTrue();
        assertThat(done.at("/failed/" + theirs).asString()).as("another tenant's id is just not found").isEqualTo("Asset not found");
        assertThat(done.at("/failed/not-a-uuid").asString()).isEqualTo("Not a valid asset id");
        assertThat(other.get("/api/v1/assets/" + theirs + "/analysis").status()).as("never analysed").isEqualTo(404);

        // Analyses are stored with COPY: quotes, commas, backslashes and non-ASCII text survive the round trip.
        String awkward = "Say \"hi\", then \\N go — Zürich ✓";
        String odd = id(create(client, with(asset(awkward, "server", "prod"), "attributes", Map.of("description", "a,\"b\"\\c"))));
        assertThat(client.post("/api/v1/assets/" + odd + "/analyze", null).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/assets/" + odd + "/analysis").json().at("/data/asset_name").asString()).isEqualTo(awkward);
    }

    @Test
    void anAsynchronousBatchIsATaskThatCanBeFollowedByItsOwnerOnly() {
        TestTenants t = tenants();
        ApiClient client = owner("analysis-async");
        ApiClient other = t.as(t.createUser(t.createTenant("analysis-async-other"), "super_admin"));
        String a = id(create(client, with(asset("a", "server", "prod"), "operating_system", "Windows Server 2008 R2")));
        String b = id(create(client, asset("b", "server", "dev")));

        ApiClient.Response accepted = client.post("/api/v1/assets/analyze-batch",
                Map.of("asset_ids", List.of(a, b, "00000000-0000-0000-0000-000000000000"), "async_processing", true));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("status").asString()).isEqualTo("processing");
        String taskId = accepted.json().get("task_id").asString();

        JsonNode task = Polling.until(() -> client.get("/api/v1/tasks/" + taskId).json(),
                json -> json.get("status").asString().matches("completed|failed"), Duration.ofSeconds(30), "batch task");
        assertThat(task.get("status").asString()).isEqualTo("completed");
        assertThat(task.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(task.at("/result/analyzed_count").asInt()).isEqualTo(2);
        assertThat(task.at("/result/results/" + a + "/recommended_strategy").asString()).isEqualTo("replatform");
        assertThat(task.at("/result/results/" + a + "/lifecycle/operating_system/status").asString()).isEqualTo("end_of_life");
        assertThat(task.at("/errors/00000000-0000-0000-0000-000000000000").asString()).isEqualTo("Asset not found");
        assertThat(other.get("/api/v1/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/assets/" + a + "/analysis").status()).as("the batch stored its analyses").isEqualTo(200);
    }

    @Test
    void everyEndpointIsTenantScopedAndNeedsALogin() {
        TestTenants t = tenants();
        ApiClient client = owner("analysis-scope");
        ApiClient other = t.as(t.createUser(t.createTenant("analysis-scope-other"), "super_admin"));
        String theirs = id(create(other, asset("theirs", "server", "prod")));
        other.post("/api/v1/assets/" + theirs + "/analyze", null);

        assertThat(client.post("/api/v1/assets/" + theirs + "/analyze", null).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/assets/" + theirs + "/analysis").status()).isEqualTo(404);
        assertThat(api().post("/api/v1/assets/" + theirs + "/analyze", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/assets/" + theirs + "/analysis").status()).isEqualTo(401);
        assertThat(api().post("/api/v1/assets/analyze-batch", Map.of("asset_ids", List.of(theirs))).status()).isEqualTo(401);
        ApiClient viewer = t.as(t.createUser(t.createTenant("analysis-scope-viewer"), "viewer"));
        assertThat(viewer.post("/api/v1/assets/analyze-batch", Map.of("asset_ids", List.of(theirs))).json().at("/failed/" + theirs)
                .asString()).isEqualTo("Asset not found");
    }

    private ApiClient owner(String prefix) {
        TestTenants t = tenants();
        return t.as(t.createUser(t.createTenant(prefix), "super_admin"));
    }

    private static void importFile(ApiClient client, String name) throws IOException {
        byte[] content;
        try (InputStream in = AnalysisIT.class.getResourceAsStream("/discovery/samples/" + name)) {
            content = in.readAllBytes();
        }
        ApiClient.Response uploaded = client.upload("/api/v1/discovery/imports", "file", name, content);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String importId = uploaded.json().get("id").asString();
        assertThat(client.post("/api/v1/discovery/imports/" + importId + "/execute", null).status()).isEqualTo(202);
        JsonNode done = Polling.until(() -> client.get("/api/v1/discovery/imports/" + importId).json(),
                json -> json.get("status").asString().matches("completed|failed"), Duration.ofSeconds(60), "import");
        assertThat(done.get("status").asString()).isEqualTo("completed");
    }

    static List<String> codes(JsonNode findings) {
        List<String> codes = new ArrayList<>();
        findings.forEach(f -> codes.add(f.get("code").asString()));
        return codes;
    }

    private static JsonNode find(JsonNode findings, String code) {
        for (JsonNode f : findings) {
            if (f.get("code").asString().equals(code)) {
                return f;
            }
        }
        return null;
    }
}
