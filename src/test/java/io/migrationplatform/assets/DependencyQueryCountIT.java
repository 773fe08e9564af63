package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.assets.store.AssetRepository;
import io.migrationplatform.assets.store.AuditRepository;
import io.migrationplatform.assets.store.DependencyRepository;
import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.CountingDataSource;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading the dependencies of a page costs the same number of queries whatever the page size (no N+1). */
class DependencyQueryCountIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    ScopedCache cache;

    private final AtomicInteger statements = new AtomicInteger();

    private DataSource counting() {
        return CountingDataSource.wrap(dataSource, statements);
    }

    @Test
    void pageOfFiveAndPageOfFortyCostTheSameQueries() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("n-plus-one");
        TestTenants.User user = t.createUser(tenant, "admin");
        ApiClient client = t.as(user);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(UUID.fromString(id(create(client, asset("a" + i, "server", "prod")))));
        }
        for (int i = 1; i < 40; i++) {
            client.post("/api/v1/assets/" + ids.get(i) + "/dependencies", Map.of("depends_on_asset_id", ids.get(i - 1).toString()));
        }
        DataSource counting = counting();
        JdbcClient jdbc = JdbcClient.create(counting);
        DependencyService service = new DependencyService(new AssetRepository(jdbc, counting), new DependencyRepository(jdbc, counting),
                new AuditRepository(jdbc, counting), cache, 25_000, 100_000);
        TenantScope scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.ADMIN);

        statements.set(0);
        Map<UUID, DependencyService.AssetDependencies> small = service.forAssets(scope, ids.subList(0, 5));
        int forFive = statements.get();
        statements.set(0);
        Map<UUID, DependencyService.AssetDependencies> large = service.forAssets(scope, ids);
        int forForty = statements.get();

        assertThat(small).hasSize(5);
        assertThat(large.get(ids.get(10)).dependsOn()).hasSize(1);
        assertThat(large.get(ids.get(10)).dependents()).hasSize(1);
        assertThat(forFive).isEqualTo(forForty).isLessThanOrEqualTo(2);
    }
}
