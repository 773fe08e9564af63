package io.migrationplatform.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a bulk write the planner's statistics are refreshed before the next bulk read by id: with stale
 * ones PostgreSQL reads every asset of a scope to find 2,000 of them (an import's re-run took 41 s).
 */
class AssetStatisticsIT extends ApiIntegrationTest {

    @Autowired
    AssetBulkWrites assets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBulkWriteMakesTheNextRefreshAnalyseTheTableAndOnlyThatOne() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("statistics");
        TestTenants.User user = t.createUser(tenant, "contributor");
        TenantScope scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.CONTRIBUTOR);
        long existing = jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'assets'::regclass").query(Long.class).single();
        int count = (int) Math.max(5_000, existing / 2 + 2_000); // beyond what autovacuum calls stale
        List<AssetValues> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<AssetField, Object> v = new EnumMap<>(AssetField.class);
            v.put(AssetField.NAME, "bulk-" + i);
            v.put(AssetField.ASSET_TYPE, "server");
            v.put(AssetField.ENVIRONMENT, "prod");
            values.add(new AssetValues(v));
        }
        transactions.executeWithoutResult(status -> assets.insertAll(scope, values, new AuditContext(user.id(), null, "test", null), "test"));
        Polling.until(() -> jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = 'assets'::regclass")
                .query(Long.class).single(), modified -> modified >= count, Duration.ofSeconds(10), "statistics of the bulk write");

        Instant before = Instant.now().minusSeconds(1);
        assets.refreshStatistics();
        // The statistics views lag a little behind what the server did.
        Instant analysed = Polling.until(this::lastAnalyse, at -> at.isAfter(before), Duration.ofSeconds(10), "analysed by the refresh");
        Polling.until(() -> jdbc.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = 'assets'::regclass")
                .query(Long.class).single(), modified -> modified < count, Duration.ofSeconds(10), "modifications counted again from 0");

        assets.refreshStatistics();
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(lastAnalyse()).as("fresh statistics are left alone").isEqualTo(analysed);
    }

    private Instant lastAnalyse() {
        return jdbc.sql("SELECT greatest(last_analyze, last_autoanalyze) FROM pg_stat_user_tables WHERE relid = 'assets'::regclass")
                .query((rs, n) -> rs.getTimestamp(1) == null ? Instant.EPOCH : rs.getTimestamp(1).toInstant()).single();
    }
}
