package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The list contract (pagination, sorting, filters, search), the summary, its cache and the analysis views. */
class AssetListIT extends ApiIntegrationTest {

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private ApiClient client;

    @BeforeEach
    void estate() {
        t = tenants();
        tenant = t.createTenant("list");
        client = t.as(t.createUser(tenant, "admin"));
    }

    private List<JsonNode> seed(int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> a = asset("srv-" + (i % 3 == 0 ? "same" : String.format("%02d", i)), i % 2 == 0 ? "server" : "database",
                    i % 3 == 0 ? "prod" : "dev");
            a.put("hostname", "host" + i + ".Example.com");
            a.put("ip_addresses", List.of("10.1.0." + i));
            a.put("tags", i % 4 == 0 ? List.of("pci") : List.of());
            a.put("criticality", i % 5 == 0 ? "critical" : "low");
            a.put("status", i == 1 ? "migrating" : "active");
            items.add(a);
        }
        JsonNode result = client.post("/api/v1/assets/bulk", Map.of("assets", items)).json();
        assertThat(result.get("created_count").asInt()).isEqualTo(count);
        List<JsonNode> created = new ArrayList<>();
        result.get("created").forEach(created::add);
        return created;
    }

    private JsonNode list(String query) {
        ApiClient.Response response = client.get("/api/v1/assets" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void pagesAreStableCompleteAndEndGracefully() {
        seed(23);
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = list("?page=" + page + "&page_size=10");
            assertThat(body.get("success").asBoolean()).isTrue();
            JsonNode meta = body.at("/metadata/pagination");
            assertThat(meta.get("total").asLong()).isEqualTo(23);
            assertThat(meta.get("pages").asLong()).isEqualTo(3);
            assertThat(meta.get("has_next").asBoolean()).isEqualTo(page < 3);
            assertThat(meta.get("has_prev").asBoolean()).isEqualTo(page > 1);
            body.get("data").forEach(a -> {
                seen.add(id(a));
                order.add(a.get("name").asString() + "/" + id(a));
            });
        }
        assertThat(seen).hasSize(23);
        assertThat(order).isSorted();
        JsonNode beyond = list("?page=9&page_size=10");
        assertThat(beyond.get("data").size()).isZero();
        assertThat(beyond.at("/metadata/pagination/has_next").asBoolean()).isFalse();
        assertThat(client.get("/api/v1/assets?page_size=101").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?page_size=0").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?page=0").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?page=abc").status()).isEqualTo(422);
        assertThat(list("").at("/metadata/pagination/page_size").asInt()).isEqualTo(50);
    }

    @Test
    void sortIsWhitelistedAndDescendingWorks() {
        seed(6);
        assertThat(client.get("/api/v1/assets?sort_by=password_hash").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?sort_by=name;drop%20table%20assets").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?sort_order=sideways").status()).isEqualTo(422);
        List<String> names = new ArrayList<>();
        list("?sort_by=name&sort_order=desc").get("data").forEach(a -> names.add(a.get("name").asString()));
        assertThat(names).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<String> types = new ArrayList<>();
        list("?sort_by=asset_type").get("data").forEach(a -> types.add(a.get("asset_type").asString()));
        assertThat(types).isSorted();
    }

    @Test
    void filtersAndSearchNarrowTheList() {
        seed(12);
        assertThat(list("?environment=prod").at("/metadata/pagination/total").asLong()).isEqualTo(4);
        assertThat(list("?asset_type=DATABASE").at("/metadata/pagination/total").asLong()).isEqualTo(6);
        assertThat(list("?status=migrating").at("/metadata/pagination/total").asLong()).isEqualTo(1);
        assertThat(list("?tag=pci").at("/metadata/pagination/total").asLong()).isEqualTo(3);
        assertThat(list("?criticality=critical").at("/metadata/pagination/total").asLong()).isEqualTo(3);
        assertThat(list("?environment=prod&asset_type=server").at("/metadata/pagination/total").asLong()).isEqualTo(2);
        assertThat(list("?search=HOST11.example").at("/metadata/pagination/total").asLong()).isEqualTo(1);
        assertThat(list("?search=10.1.0.7").at("/metadata/pagination/total").asLong()).isEqualTo(1);
        assertThat(list("?search=SRV-SAME").at("/metadata/pagination/total").asLong()).isEqualTo(4);
        assertThat(list("?search=%25").at("/metadata/pagination/total").asLong()).isZero();
        assertThat(list("?search=_").at("/metadata/pagination/total").asLong()).isZero();
        assertThat(client.get("/api/v1/assets?environment=production").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/assets?status=gone").status()).isEqualTo(422);
        assertThat(client.get("/api/v1/asset-inventory/list/paginated?environment=prod").json()
                .at("/metadata/pagination/total").asLong()).isEqualTo(4);
    }

    @Test
    void aPageCanCarryItsDependencies() {
        List<JsonNode> assets = seed(3);
        client.post("/api/v1/assets/" + id(assets.get(0)) + "/dependencies", Map.of("depends_on_asset_id", id(assets.get(1))));
        JsonNode page = list("?include_dependencies=true");
        JsonNode first = null;
        for (JsonNode a : page.get("data")) {
            if (id(a).equals(id(assets.get(0)))) {
                first = a;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.at("/dependencies/depends_on/0/asset_id").asString()).isEqualTo(id(assets.get(1)));
    }

    @Test
    void summaryCountsInOneAnswerAndAReadAfterAWriteIsNeverStale() {
        List<JsonNode> assets = seed(10);
        JsonNode summary = client.get("/api/v1/assets/summary").json();
        assertThat(summary.get("total_assets").asLong()).isEqualTo(10);
        assertThat(summary.get("active_assets").asLong()).isEqualTo(9);
        assertThat(summary.get("migrating_assets").asLong()).isEqualTo(1);
        assertThat(summary.get("asset_types").asLong()).isEqualTo(2);
        assertThat(summary.get("environments").asLong()).isEqualTo(2);
        assertThat(summary.at("/by_type/server").asLong()).isEqualTo(5);
        assertThat(summary.at("/by_environment/prod").asLong()).isEqualTo(4);
        assertThat(summary.at("/by_criticality/critical").asLong()).isEqualTo(2);

        // Served from the cache now; every kind of write must show in the very next read.
        create(client, asset("new-one", "network", "test"));
        assertThat(client.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(11);
        client.put("/api/v1/assets/" + id(assets.get(0)), Map.of("status", "migrating"));
        assertThat(client.get("/api/v1/assets/summary").json().get("migrating_assets").asLong()).isEqualTo(2);
        assertThat(client.delete("/api/v1/assets/" + id(assets.get(2))).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(10);
        assertThat(client.get("/api/v1/asset-inventory/analysis/overview").json().at("/data/total_assets").asLong()).isEqualTo(10);
    }

    @Test
    void oneTenantIsNeverServedAnothersCachedSummary() {
        TestTenants.Tenant other = t.createTenant("list-other");
        ApiClient otherClient = t.as(t.createUser(other, "admin"));
        seed(4);
        create(otherClient, asset("only-one", "server", "prod"));
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(4);
            assertThat(otherClient.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(1);
        }
        // A second engagement of the same client account is a separate scope too.
        java.util.UUID second = t.addEngagement(tenant, "Phase 2");
        assertThat(client.withHeader("X-Engagement-ID", second.toString()).get("/api/v1/assets/summary").json()
                .get("total_assets").asLong()).isZero();
        assertThat(client.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(4);
    }

    @Test
    void analysisViewsBreakTheInventoryDown() {
        seed(4);
        JsonNode byType = client.get("/api/v1/asset-inventory/analysis/by-type").json();
        assertThat(byType.get("success").asBoolean()).isTrue();
        assertThat(byType.get("data").toString()).contains("{\"asset_type\":\"database\",\"count\":2,\"percentage\":50.0}");
        assertThat(client.get("/api/v1/asset-inventory/analysis/by-status").json().get("data").toString())
                .contains("\"status\":\"migrating\"");
        assertThat(client.get("/api/v1/asset-inventory/analysis/by-environment").json().get("data").toString())
                .contains("\"environment\":\"prod\"");
    }
}
