package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static io.migrationplatform.support.AssetFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create, read, partial update with ETags, delete, bulk, and every validation rule of an asset. */
class AssetCrudIT extends ApiIntegrationTest {

    private ApiClient contributor;
    private ApiClient admin;
    private TestTenants.Tenant tenant;

    @BeforeEach
    void tenant() {
        TestTenants t = tenants();
        tenant = t.createTenant("crud");
        contributor = t.as(t.createUser(tenant, "contributor"));
        admin = t.as(t.createUser(tenant, "admin"));
    }

    @Test
    void createNormalisesAndAnswers201WithLocationAndETag() {
        Map<String, Object> body = asset("  web-01  ", "Virtual Machine", "prod");
        body.put("tags", List.of("pci", " pci ", "web"));
        body.put("ip_addresses", List.of("10.0.0.5", "2001:db8::1"));
        body.put("cpu_cores", 4);
        body.put("memory_gb", 15.999);
        body.put("attributes", Map.of("rack", "A1", "nested", Map.of("k", List.of(1, 2))));
        body.put("criticality", "HIGH");
        ApiClient.Response response = contributor.post("/api/v1/assets", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("name").asString()).isEqualTo("web-01");
        assertThat(created.get("asset_type").asString()).isEqualTo("virtual_machine");
        assertThat(created.get("status").asString()).isEqualTo("active");
        assertThat(created.get("criticality").asString()).isEqualTo("high");
        assertThat(created.get("tags").toString()).isEqualTo("[\"pci\",\"web\"]");
        assertThat(created.get("memory_gb").asDouble()).isEqualTo(16.0);
        assertThat(created.get("client_account_id").asString()).isEqualTo(tenant.accountId().toString());
        assertThat(created.get("engagement_id").asString()).isEqualTo(tenant.engagementId().toString());
        assertThat(created.get("version").asLong()).isEqualTo(1);
        assertThat(created.has("six_r_strategy")).isTrue();
        assertThat(response.header("Location")).isEqualTo("/api/v1/assets/" + id(created));
        assertThat(response.header("ETag")).isEqualTo("\"1\"");

        ApiClient.Response read = contributor.get("/api/v1/assets/" + id(created));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("attributes").get("nested").get("k").toString()).isEqualTo("[1,2]");
        assertThat(read.json().get("ip_addresses").toString()).isEqualTo("[\"10.0.0.5\",\"2001:db8:0:0:0:0:0:1\"]");
    }

    @Test
    void everyValidationRuleAnswers422NamingTheField() {
        Map<String, Object> ok = asset("ok", "server", "dev");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        Map<String, Object> missing = new HashMap<>(ok);
        missing.remove("environment");
        cases.put("environment", missing);
        cases.put("name", with(ok, "name", "   "));
        cases.put("name ", with(ok, "name", "x".repeat(256)));
        cases.put("name  ", with(ok, "name", 42));
        cases.put("environment ", with(ok, "environment", "production"));
        cases.put("asset_type", with(ok, "asset_type", "mainframe-ish"));
        cases.put("status", with(ok, "status", "gone"));
        cases.put("criticality", with(ok, "criticality", "urgent"));
        cases.put("six_r_strategy", with(ok, "six_r_strategy", "rewrite"));
        cases.put("tags", with(ok, "tags", Collections.nCopies(51, "t").stream().map(t -> t + UUID.randomUUID()).toList()));
        cases.put("tags ", with(ok, "tags", List.of("x".repeat(65))));
        cases.put("tags  ", with(ok, "tags", List.of(1, 2)));
        cases.put("tags   ", with(ok, "tags", "not-a-list"));
        cases.put("attributes", with(ok, "attributes", Map.of("blob", "x".repeat(70_000))));
        cases.put("attributes ", with(ok, "attributes", nested(15)));
        cases.put("attributes  ", with(ok, "attributes", List.of(1)));
        cases.put("attributes   ", with(ok, "attributes", Map.of("nul", "a\u0000b")));
        cases.put("cpu_cores", with(ok, "cpu_cores", -1));
        cases.put("cpu_cores ", with(ok, "cpu_cores", 2.5));
        cases.put("cpu_cores  ", with(ok, "cpu_cores", "4"));
        cases.put("memory_gb", with(ok, "memory_gb", -0.5));
        cases.put("cpu_utilization_pct", with(ok, "cpu_utilization_pct", 101));
        cases.put("ip_addresses", with(ok, "ip_addresses", List.of("10.0.0.256")));
        cases.put("ip_addresses ", with(ok, "ip_addresses", List.of("example.com")));
        cases.put("migration_wave", with(ok, "migration_wave", 0));
        cases.put("id", with(ok, "id", UUID.randomUUID().toString()));
        cases.put("client_account_id", with(ok, "client_account_id", UUID.randomUUID().toString()));
        cases.put("engagement_id", with(ok, "engagement_id", UUID.randomUUID().toString()));
        cases.put("created_at", with(ok, "created_at", "2020-01-01T00:00:00Z"));
        cases.put("version", with(ok, "version", 7));
        cases.put("colour", with(ok, "colour", "blue"));
        cases.put("hostname", with(ok, "hostname", "a\u0000b"));
        cases.forEach((field, body) -> {
            ApiClient.Response response = contributor.post("/api/v1/assets", body);
            assertThat(response.status()).as(field + " -> " + response).isEqualTo(422);
            assertThat(response.json().at("/error/details/field_errors").toString()).as(field)
                    .contains("\"field\":\"" + field.strip() + "\"");
        });
        assertThat(contributor.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isZero();
    }

    private static Map<String, Object> nested(int depth) {
        Map<String, Object> node = Map.of("leaf", 1);
        for (int i = 0; i < depth; i++) {
            node = Map.of("n", node);
        }
        return node;
    }

    @Test
    void partialUpdateChangesOnlyTheFieldsSentAndNullClears() {
        Map<String, Object> body = asset("app-1", "application", "test");
        body.put("hostname", "app-1.corp");
        body.put("tags", List.of("a"));
        JsonNode created = create(contributor, body);
        ApiClient.Response updated = contributor.put("/api/v1/assets/" + id(created),
                Map.of("environment", "staging", "tags", List.of("b", "c")));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode json = updated.json();
        assertThat(json.get("environment").asString()).isEqualTo("staging");
        assertThat(json.get("tags").toString()).isEqualTo("[\"b\",\"c\"]");
        assertThat(json.get("hostname").asString()).isEqualTo("app-1.corp");
        assertThat(json.get("name").asString()).isEqualTo("app-1");
        assertThat(json.get("version").asLong()).isEqualTo(2);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        Map<String, Object> clear = new HashMap<>();
        clear.put("hostname", null);
        assertThat(contributor.put("/api/v1/assets/" + id(created), clear).json().get("hostname").isNull()).isTrue();
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertThat(contributor.put("/api/v1/assets/" + id(created), nullName).status()).isEqualTo(422);
        assertThat(contributor.put("/api/v1/assets/" + id(created), Map.of("engagement_id", UUID.randomUUID().toString())).status())
                .isEqualTo(422);
        // Sending the same values is not a change: no new version.
        long version = contributor.get("/api/v1/assets/" + id(created)).json().get("version").asLong();
        assertThat(contributor.put("/api/v1/assets/" + id(created), Map.of("environment", "staging")).json().get("version").asLong())
                .isEqualTo(version);
    }

    @Test
    void staleIfMatchIs412AndConcurrentEditsNeverOverwriteEachOther() throws Exception {
        JsonNode created = create(contributor, asset("race", "server", "prod"));
        String path = "/api/v1/assets/" + id(created);
        assertThat(contributor.withHeader("If-Match", "\"1\"").put(path, Map.of("cpu_cores", 2)).status()).isEqualTo(200);
        ApiClient.Response stale = contributor.withHeader("If-Match", "\"1\"").put(path, Map.of("cpu_cores", 3));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().at("/error/details/current_version").asLong()).isEqualTo(2);
        assertThat(contributor.withHeader("If-Match", "W/\"2\"").put(path, Map.of("cpu_cores", 4)).status()).isEqualTo(412);
        assertThat(contributor.withHeader("If-Match", "\"2\"").put(path, Map.of("cpu_cores", 4)).status()).isEqualTo(200);
        assertThat(contributor.withHeader("If-Match", "*").put(path, Map.of("cpu_cores", 5)).status()).isEqualTo(200);
        assertThat(contributor.withHeader("If-Match", "garbage").put(path, Map.of("cpu_cores", 6)).status()).isEqualTo(412);
        assertThat(admin.withHeader("If-Match", "\"1\"").delete(path).status()).isEqualTo(412);

        // Eight clients edit the same version at once: exactly one wins, the others get 412.
        long version = contributor.get(path).json().get("version").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int cores = 100 + i;
            edits.add(() -> contributor.withHeader("If-Match", "\"" + version + "\"").put(path, Map.of("cpu_cores", cores)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(edits)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(7);
        assertThat(contributor.get(path).json().get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void deleteNeedsDeletePermissionAnswers204AndKeepsHistory() {
        JsonNode created = create(contributor, asset("to-delete", "server", "dev"));
        String path = "/api/v1/assets/" + id(created);
        ApiClient.Response forbidden = contributor.delete(path);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().at("/error/message").asString()).isEqualTo("Insufficient permissions. Required: delete:assets");
        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
        assertThat(admin.delete(path).status()).isEqualTo(404);
        JsonNode history = admin.get("/api/v1/asset-inventory/audit/" + id(created)).json().get("data");
        assertThat(history.get(0).get("action").asString()).isEqualTo("delete");
        assertThat(history.get(1).get("action").asString()).isEqualTo("create");
    }

    @Test
    void bulkCreatesTheValidOnesAndReportsEachInvalidOneByIndex() {
        List<Map<String, Object>> items = List.of(
                asset("bulk-1", "server", "prod"),
                asset("", "server", "prod"),
                asset("bulk-3", "database", "dev"),
                with(asset("bulk-4", "server", "prod"), "id", UUID.randomUUID().toString()));
        ApiClient.Response response = contributor.post("/api/v1/assets/bulk", Map.of("assets", items));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("created_count").asInt()).isEqualTo(2);
        assertThat(body.get("failed_count").asInt()).isEqualTo(2);
        assertThat(body.get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(body.get("errors").get(1).get("index").asInt()).isEqualTo(3);
        assertThat(body.get("errors").get(1).get("field_errors").toString()).contains("\"field\":\"id\"");
        assertThat(contributor.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isEqualTo(2);

        JsonNode mixed = contributor.post("/api/v1/assets/bulk", Map.of("assets", List.of(asset("ok-1", "server", "dev"), 5, "x")))
                .json();
        assertThat(mixed.get("created_count").asInt()).isEqualTo(1);
        assertThat(mixed.get("errors").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(mixed.get("errors").get(1).get("index").asInt()).isEqualTo(2);
        assertThat(contributor.post("/api/v1/assets/bulk", Map.of()).status()).isEqualTo(422);
        contributor.delete("/api/v1/assets/" + mixed.at("/created/0/id").asString());
        admin.delete("/api/v1/assets/" + mixed.at("/created/0/id").asString());
        List<Map<String, Object>> tooMany = Collections.nCopies(1001, asset("x", "server", "dev"));
        assertThat(contributor.post("/api/v1/assets/bulk", Map.of("assets", tooMany)).status()).isEqualTo(422);
        assertThat(contributor.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isEqualTo(2);
    }

    @Test
    void malformedIdsAndBodiesAreClientErrors() {
        assertThat(contributor.get("/api/v1/assets/not-a-uuid").status()).isEqualTo(422);
        assertThat(contributor.get("/api/v1/assets/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(contributor.send("POST", "/api/v1/assets", "[]", "application/json").status()).isEqualTo(422);
        assertThat(contributor.send("POST", "/api/v1/assets", "{", "application/json").status()).isEqualTo(400);
        assertThat(contributor.send("POST", "/api/v1/assets", "name=x", "application/x-www-form-urlencoded").status()).isEqualTo(415);
    }
}
