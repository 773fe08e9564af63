package io.migrationplatform.analysis.store;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.identity.TenantScope;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Stored analyses; every method is scoped by tenant. */
@Repository
public class AnalysisRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** A stored analysis and the asset version it was made from. */
    public record Stored(AssetAnalysis analysis, long assetVersion) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AnalysisRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Replaces the stored analyses of these assets, in batches; an asset of another scope is never touched. */
    public void saveAll(TenantScope scope, List<Stored> analyses) {
        String sql = """
                INSERT INTO asset_analyses (asset_id, client_account_id, engagement_id, asset_version, rules_version, analyzed_at, analysis)
                SELECT ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)
                WHERE EXISTS (SELECT 1 FROM assets WHERE id = ? AND client_account_id = ? AND engagement_id = ?)
                ON CONFLICT (asset_id) DO UPDATE SET asset_version = EXCLUDED.asset_version, rules_version = EXCLUDED.rules_version,
                    analyzed_at = EXCLUDED.analyzed_at, analysis = EXCLUDED.analysis
                WHERE asset_analyses.client_account_id = EXCLUDED.client_account_id
                  AND asset_analyses.engagement_id = EXCLUDED.engagement_id""";
        template.batchUpdate(sql, analyses, 500, (ps, stored) -> {
            AssetAnalysis analysis = stored.analysis();
            ps.setObject(1, analysis.assetId());
            ps.setObject(2, scope.clientAccountId());
            ps.setObject(3, scope.engagementId());
            ps.setLong(4, stored.assetVersion());
            ps.setString(5, analysis.rulesVersion());
            ps.setTimestamp(6, Timestamp.from(analysis.analyzedAt()));
            ps.setString(7, JSON.writeValueAsString(analysis));
            ps.setObject(8, analysis.assetId());
            ps.setObject(9, scope.clientAccountId());
            ps.setObject(10, scope.engagementId());
        });
    }

    public Optional<Stored> find(TenantScope scope, UUID assetId) {
        return jdbc.sql("""
                        SELECT analysis::text AS analysis, asset_version FROM asset_analyses
                        WHERE asset_id = :id AND client_account_id = :account AND engagement_id = :engagement""")
                .param("id", assetId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((rs, row) -> new Stored(JSON.readValue(rs.getString("analysis"), AssetAnalysis.class), rs.getLong("asset_version")))
                .optional();
    }
}
