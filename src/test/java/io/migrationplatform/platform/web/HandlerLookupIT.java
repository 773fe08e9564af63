package io.migrationplatform.platform.web;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import org.junit.jupiter.api.Test;

/** Requests reach the same handlers with the prefix-filtered lookup as with Spring MVC's full scan. */
class HandlerLookupIT extends ApiIntegrationTest {

    @Test
    void pathsWithVariablesLiteralPathsEscapesAndUnknownPaths() {
        TestTenants t = tenants();
        ApiClient client = t.as(t.createUser(t.createTenant("lookup"), "admin"));
        String assetId = id(create(client, asset("lookup-1", "server", "prod")));

        assertThat(client.get("/api/v1/assets/" + assetId).json().get("name").asString()).isEqualTo("lookup-1");
        assertThat(client.get("/api/v1/assets/summary").json().has("total_assets")).isTrue();
        assertThat(client.get("/api/v1/assets/" + assetId + "/dependencies").status()).isEqualTo(200);
        // Escaped letters are matched after decoding: such paths skip the prefix filter and still find their handler.
        assertThat(client.get("/api/v1/%61ssets/" + assetId).json().get("name").asString()).isEqualTo("lookup-1");
        assertThat(client.get("/api/v1/assetsx/" + assetId).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/assets/" + assetId + "/nothing-here").status()).isEqualTo(404);
        // A known path with a method it does not have is still a 405, not a 404.
        assertThat(client.send("PATCH", "/api/v1/assets/summary", "{}", "application/json").status()).isEqualTo(405);
        assertThat(api().get("/ping").status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
