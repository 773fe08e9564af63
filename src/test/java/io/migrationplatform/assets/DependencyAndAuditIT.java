package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Dependency edges, the graph with its cycles, and the audit trail of every change. */
class DependencyAndAuditIT extends ApiIntegrationTest {

    private ApiClient client;
    private TestTenants.User user;

    @Autowired
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void tenant() {
        TestTenants t = tenants();
        user = t.createUser(t.createTenant("deps"), "contributor");
        client = t.as(user);
    }

    private String deps(String assetId) {
        return "/api/v1/assets/" + assetId + "/dependencies";
    }

    @Test
    void edgesAreValidatedListedBothWaysAndRemovable() {
        String web = id(create(client, asset("web", "server", "prod")));
        String db = id(create(client, asset("db", "database", "prod")));
        ApiClient.Response added = client.post(deps(web), Map.of("depends_on_asset_id", db, "dependency_type", "Database",
                "criticality", "high", "port", 5432, "protocol", "TCP"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode edge = added.json().get("depends_on").get(0);
        assertThat(edge.get("asset_id").asString()).isEqualTo(db);
        assertThat(edge.get("name").asString()).isEqualTo("db");
        assertThat(edge.get("dependency_type").asString()).isEqualTo("database");
        assertThat(edge.get("port").asInt()).isEqualTo(5432);
        assertThat(edge.get("protocol").asString()).isEqualTo("tcp");
        JsonNode fromDb = client.get(deps(db)).json();
        assertThat(fromDb.get("depends_on").size()).isZero();
        assertThat(fromDb.get("dependents").get(0).get("asset_id").asString()).isEqualTo(web);

        assertThat(client.post(deps(web), Map.of("depends_on_asset_id", db)).status()).isEqualTo(409);
        assertThat(client.post(deps(web), Map.of("depends_on_asset_id", web)).status()).isEqualTo(422);
        assertThat(client.post(deps(web), Map.of("depends_on_asset_id", UUID.randomUUID().toString())).status()).isEqualTo(404);
        assertThat(client.post(deps(web), Map.of()).status()).isEqualTo(422);
        assertThat(client.post(deps(web), Map.of("depends_on_asset_id", db, "port", 70000)).status()).isEqualTo(422);
        assertThat(client.post(deps(web), Map.of("depends_on_asset_id", "nope")).status()).isEqualTo(422);
        assertThat(client.post(deps(UUID.randomUUID().toString()), Map.of("depends_on_asset_id", db)).status()).isEqualTo(404);

        assertThat(client.delete(deps(web) + "/" + db).status()).isEqualTo(204);
        assertThat(client.delete(deps(web) + "/" + db).status()).isEqualTo(404);
        assertThat(client.get(deps(web)).json().get("depends_on").size()).isZero();
    }

    @Test
    void theGraphReportsEveryCycle() {
        String a = id(create(client, asset("a", "server", "prod")));
        String b = id(create(client, asset("b", "server", "prod")));
        String c = id(create(client, asset("c", "server", "prod")));
        String d = id(create(client, asset("d", "database", "prod")));
        String e = id(create(client, asset("e", "database", "prod")));
        // a -> b -> c -> a is a cycle; d <-> e is another; c -> d joins them one-way (not one component).
        for (String[] edge : new String[][] {{a, b}, {b, c}, {c, a}, {d, e}, {e, d}, {c, d}}) {
            assertThat(client.post(deps(edge[0]), Map.of("depends_on_asset_id", edge[1])).status()).isEqualTo(201);
        }
        JsonNode graph = client.get("/api/v1/asset-inventory/dependency-graph").json();
        assertThat(graph.get("nodes").size()).isEqualTo(5);
        assertThat(graph.get("edges").size()).isEqualTo(6);
        assertThat(graph.get("cycles").size()).isEqualTo(2);
        assertThat(graph.get("cycles").get(0).toString()).contains(a, b, c).doesNotContain(d);
        assertThat(graph.get("cycles").get(1).toString()).contains(d, e).doesNotContain(a);
    }

    @Test
    void theAuditTrailRecordsWhoChangedWhatAndWhen() {
        JsonNode created = create(client.withHeader("X-Request-ID", "audit-create-1"), asset("audited", "server", "dev"));
        String path = "/api/v1/assets/" + id(created);
        client.put(path, Map.of("environment", "prod", "cpu_cores", 8));
        client.put(path, Map.of("environment", "prod"));
        String other = id(create(client, asset("other", "server", "dev")));
        client.post(deps(id(created)), Map.of("depends_on_asset_id", other));
        JsonNode history = client.get("/api/v1/asset-inventory/audit/" + id(created)).json();
        assertThat(history.at("/metadata/pagination/total").asLong()).isEqualTo(3);
        JsonNode entries = history.get("data");
        assertThat(entries.get(0).get("action").asString()).isEqualTo("dependency_add");
        JsonNode update = entries.get(1);
        assertThat(update.get("action").asString()).isEqualTo("update");
        assertThat(update.at("/changes/environment/old").asString()).isEqualTo("dev");
        assertThat(update.at("/changes/environment/new").asString()).isEqualTo("prod");
        assertThat(update.at("/changes/cpu_cores/old").isNull()).isTrue();
        assertThat(update.at("/changes/cpu_cores/new").asInt()).isEqualTo(8);
        assertThat(update.get("changes").has("name")).isFalse();
        assertThat(update.get("actor_email").asString()).isEqualTo(user.email());
        assertThat(update.get("actor_id").asString()).isEqualTo(user.id().toString());
        JsonNode create = entries.get(2);
        assertThat(create.get("action").asString()).isEqualTo("create");
        assertThat(create.at("/changes/name/new").asString()).isEqualTo("audited");
        assertThat(create.get("request_id").asString()).isEqualTo("audit-create-1");
        assertThat(create.get("source").asString()).isEqualTo("api");
        assertThat(client.get("/api/v1/asset-inventory/audit/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(List.of(entries.get(0).get("created_at").asString())).allMatch(s -> s.endsWith("Z"));
    }

    /** An asset written without the service (a bulk load in SQL) has no history yet: an empty trail, not "not found". */
    @Test
    void anAssetWithoutHistoryHasAnEmptyTrail() {
        String id = id(create(client, asset("loaded", "server", "dev")));
        JdbcClient.create(dataSource).sql("DELETE FROM asset_audit_log WHERE asset_id = :id").param("id", UUID.fromString(id)).update();
        ApiClient.Response history = client.get("/api/v1/asset-inventory/audit/" + id);
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().get("data").size()).isZero();
        assertThat(history.json().at("/metadata/pagination/total").asLong()).isZero();
        ApiClient foreign = tenants().as(tenants().createUser(tenants().createTenant("deps-foreign"), "admin"));
        assertThat(foreign.get("/api/v1/asset-inventory/audit/" + id).status()).as("another tenant's asset").isEqualTo(404);
    }
}
