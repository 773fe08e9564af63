package io.migrationplatform.assets.store;

import io.migrationplatform.assets.AssetSummary;
import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates over a scope's assets, each in one query. */
@Repository
public class AssetStatsRepository {

    private final JdbcClient jdbc;

    public AssetStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every count of the summary from one GROUPING SETS scan. */
    public AssetSummary summary(TenantScope scope) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byEnvironment = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCriticality = new TreeMap<>();
        long[] total = {0};
        jdbc.sql("""
                        SELECT asset_type, environment, status, COALESCE(criticality, 'unknown') AS criticality,
                               GROUPING(asset_type) AS g_type, GROUPING(environment) AS g_env,
                               GROUPING(status) AS g_status, GROUPING(COALESCE(criticality, 'unknown')) AS g_crit,
                               count(*) AS n
                        FROM assets
                        WHERE client_account_id = :account AND engagement_id = :engagement
                        GROUP BY GROUPING SETS ((asset_type), (environment), (status), (COALESCE(criticality, 'unknown')), ())""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (rs.getInt("g_type") == 0) {
                        byType.put(rs.getString("asset_type"), n);
                    } else if (rs.getInt("g_env") == 0) {
                        byEnvironment.put(rs.getString("environment"), n);
                    } else if (rs.getInt("g_status") == 0) {
                        byStatus.put(rs.getString("status"), n);
                    } else if (rs.getInt("g_crit") == 0) {
                        byCriticality.put(rs.getString("criticality"), n);
                    } else {
                        total[0] = n;
                    }
                });
        return new AssetSummary(total[0], byStatus.getOrDefault("active", 0L), byStatus.getOrDefault("migrating", 0L),
                byType.size(), byEnvironment.size(), byType, byEnvironment, byStatus, byCriticality);
    }
}
