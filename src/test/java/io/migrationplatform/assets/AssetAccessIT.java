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
import java.util.function.BiFunction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Authorisation of every asset endpoint: a role × endpoint matrix with the seed's permissions,
 * and a cross-tenant matrix — a super_admin of tenant A calling every endpoint with tenant B's
 * ids gets 404 and changes nothing.
 */
class AssetAccessIT extends ApiIntegrationTest {

    private static final List<String> ROLES = List.of("viewer", "contributor", "admin", "super_admin");

    /** A call made with {@code client} against assets {@code a} and {@code b} of the caller's own tenant. */
    private record Case(String name, BiFunction<ApiClient, String[], ApiClient.Response> call, List<Integer> expected) {
    }

    private static final List<Case> MATRIX = List.of(
            new Case("list", (c, ids) -> c.get("/api/v1/assets"), List.of(200, 200, 200, 200)),
            new Case("summary", (c, ids) -> c.get("/api/v1/assets/summary"), List.of(200, 200, 200, 200)),
            new Case("get", (c, ids) -> c.get("/api/v1/assets/" + ids[0]), List.of(200, 200, 200, 200)),
            new Case("create", (c, ids) -> c.post("/api/v1/assets", asset("n", "server", "dev")), List.of(403, 201, 201, 201)),
            new Case("bulk", (c, ids) -> c.post("/api/v1/assets/bulk", Map.of("assets", List.of(asset("n", "server", "dev")))),
                    List.of(403, 200, 200, 200)),
            new Case("update", (c, ids) -> c.put("/api/v1/assets/" + ids[0], Map.of("cpu_cores", 2)), List.of(403, 200, 200, 200)),
            new Case("dependencies", (c, ids) -> c.get("/api/v1/assets/" + ids[0] + "/dependencies"), List.of(200, 200, 200, 200)),
            new Case("add dependency", (c, ids) -> c.post("/api/v1/assets/" + ids[0] + "/dependencies",
                    Map.of("depends_on_asset_id", ids[1])), List.of(403, 201, 201, 201)),
            new Case("remove dependency", (c, ids) -> c.delete("/api/v1/assets/" + ids[2] + "/dependencies/" + ids[3]),
                    List.of(403, 204, 204, 204)),
            new Case("overview", (c, ids) -> c.get("/api/v1/asset-inventory/analysis/overview"), List.of(200, 200, 200, 200)),
            new Case("by type", (c, ids) -> c.get("/api/v1/asset-inventory/analysis/by-type"), List.of(200, 200, 200, 200)),
            new Case("by status", (c, ids) -> c.get("/api/v1/asset-inventory/analysis/by-status"), List.of(200, 200, 200, 200)),
            new Case("by environment", (c, ids) -> c.get("/api/v1/asset-inventory/analysis/by-environment"), List.of(200, 200, 200, 200)),
            new Case("paginated", (c, ids) -> c.get("/api/v1/asset-inventory/list/paginated"), List.of(200, 200, 200, 200)),
            new Case("audit", (c, ids) -> c.get("/api/v1/asset-inventory/audit/" + ids[0]), List.of(200, 200, 200, 200)),
            new Case("graph", (c, ids) -> c.get("/api/v1/asset-inventory/dependency-graph"), List.of(200, 200, 200, 200)),
            new Case("delete", (c, ids) -> c.delete("/api/v1/assets/" + ids[1]), List.of(403, 403, 204, 204)));

    /** Four assets: 0 and 1 free, 2 depends on 3 (so the edge can be removed once). */
    private static String[] assets(ApiClient owner) {
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = id(create(owner, asset("asset-" + i, "server", "prod")));
        }
        assertThat(owner.post("/api/v1/assets/" + ids[2] + "/dependencies", Map.of("depends_on_asset_id", ids[3])).status())
                .isEqualTo(201);
        return ids;
    }

    @Test
    void roleMatrix() {
        TestTenants t = tenants();
        SoftAssertions soft = new SoftAssertions();
        for (int r = 0; r < ROLES.size(); r++) {
            TestTenants.Tenant tenant = t.createTenant("asset-matrix-" + ROLES.get(r));
            ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
            ApiClient client = t.as(t.createUser(tenant, ROLES.get(r)));
            String[] ids = assets(owner);
            for (Case c : MATRIX) {
                ApiClient.Response response = c.call.apply(client, ids);
                soft.assertThat(response.status()).as(ROLES.get(r) + " / " + c.name + " -> " + response).isEqualTo(c.expected.get(r));
                if (response.status() == 403) {
                    soft.assertThat(response.json().at("/error/message").asString()).startsWith("Insufficient permissions. Required: ");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void anonymousCallsAre401() {
        for (Case c : MATRIX) {
            ApiClient.Response response = c.call.apply(api(), new String[] {"a", "b", "c", "d"});
            assertThat(response.status()).as(c.name).isEqualTo(401);
        }
    }

    @Test
    void crossTenantMatrixAnswers404AndChangesNothing() {
        TestTenants t = tenants();
        ApiClient victim = t.as(t.createUser(t.createTenant("victim"), "super_admin"));
        ApiClient attacker = t.as(t.createUser(t.createTenant("attacker"), "super_admin"));
        String[] theirs = assets(victim);
        String mine = id(create(attacker, asset("mine", "server", "prod")));
        JsonNode before = victim.get("/api/v1/assets?page_size=100").json().get("data");
        JsonNode graphBefore = victim.get("/api/v1/asset-inventory/dependency-graph").json();

        List<ApiClient.Response> calls = List.of(
                attacker.get("/api/v1/assets/" + theirs[0]),
                attacker.put("/api/v1/assets/" + theirs[0], Map.of("name", "pwned")),
                attacker.delete("/api/v1/assets/" + theirs[0]),
                attacker.get("/api/v1/assets/" + theirs[0] + "/dependencies"),
                attacker.post("/api/v1/assets/" + theirs[0] + "/dependencies", Map.of("depends_on_asset_id", theirs[1])),
                attacker.post("/api/v1/assets/" + mine + "/dependencies", Map.of("depends_on_asset_id", theirs[1])),
                attacker.post("/api/v1/assets/" + theirs[0] + "/dependencies", Map.of("depends_on_asset_id", mine)),
                attacker.delete("/api/v1/assets/" + theirs[2] + "/dependencies/" + theirs[3]),
                attacker.get("/api/v1/asset-inventory/audit/" + theirs[0]));
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < calls.size(); i++) {
            soft.assertThat(calls.get(i).status()).as("call " + i + " -> " + calls.get(i)).isEqualTo(404);
            soft.assertThat(calls.get(i).text()).doesNotContain("asset-0");
        }
        // Lists and aggregates only ever show the caller's own scope.
        soft.assertThat(attacker.get("/api/v1/assets?search=asset-").json().at("/metadata/pagination/total").asLong()).isZero();
        soft.assertThat(attacker.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(1);
        soft.assertThat(attacker.get("/api/v1/asset-inventory/dependency-graph").text()).doesNotContain(theirs[0]);
        soft.assertAll();

        assertThat(victim.get("/api/v1/assets?page_size=100").json().get("data")).isEqualTo(before);
        assertThat(victim.get("/api/v1/asset-inventory/dependency-graph").json()).isEqualTo(graphBefore);
    }
}
