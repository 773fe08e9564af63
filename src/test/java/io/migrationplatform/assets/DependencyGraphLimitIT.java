package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationplatform.assets.store.AssetRepository;
import io.migrationplatform.assets.store.AuditRepository;
import io.migrationplatform.assets.store.DependencyRepository;
import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole-engagement dependency graph is held in memory to find its cycles: it is served up to
 * migrate.assets.max-graph-nodes assets and max-graph-edges edges (here made small), beyond which the
 * caller is told so and where to look instead, before anything is loaded.
 */
class DependencyGraphLimitIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ScopedCache cache;

    private DependencyService service(int maxNodes, int maxEdges) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new DependencyService(new AssetRepository(jdbc, dataSource), new DependencyRepository(jdbc, dataSource),
                new AuditRepository(jdbc, dataSource), cache, maxNodes, maxEdges);
    }

    @Test
    void aGraphBeyondItsLimitsIsRefusedSayingWhy() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("graph-limit");
        TestTenants.User user = t.createUser(tenant, "admin");
        ApiClient client = t.as(user);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(id(create(client, asset("g" + i, "server", "prod"))));
        }
        for (int i = 1; i < 4; i++) {
            client.post("/api/v1/assets/" + ids.get(i) + "/dependencies", Map.of("depends_on_asset_id", ids.get(i - 1)));
        }
        TenantScope scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.ADMIN);

        assertThat(service(4, 3).graph(scope).nodes()).hasSize(4);

        ApiException nodes = catchThrowableOfType(ApiException.class, () -> service(3, 100).graph(scope));
        assertThat(nodes.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(nodes.getMessage()).contains("at most 3 assets").contains("GET /assets/{asset_id}/dependencies");
        assertThat(nodes.details()).containsEntry("asset_count", 4L).containsEntry("max_nodes", 3);

        ApiException edges = catchThrowableOfType(ApiException.class, () -> service(100, 2).graph(scope));
        assertThat(edges.getMessage()).contains("at most 2 dependencies");
        assertThat(edges.details()).containsEntry("dependency_count", 3L).containsEntry("max_edges", 2);

        // Served by the application itself with its default limits.
        assertThat(client.get("/api/v1/asset-inventory/dependency-graph").json().get("nodes")).hasSize(4);
    }
}
