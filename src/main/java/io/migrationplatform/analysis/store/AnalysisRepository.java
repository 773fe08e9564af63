package io.migrationplatform.analysis.store;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Stored analyses (immutable; the newest per asset is its latest); every method is scoped by tenant. */
@Repository
public class AnalysisRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final List<String> COLUMNS = List.of("id", "asset_id", "client_account_id", "engagement_id", "asset_version",
            "rules_version", "analyzed_at", "analysis");

    /** A stored analysis and the asset version it was made from. */
    public record Stored(AssetAnalysis analysis, long assetVersion) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AnalysisRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Stores analyses (which carry their ids) with one COPY. The caller has read the assets in this
     * scope, so asset ids here are the scope's own.
     */
    public void insertAll(TenantScope scope, List<Stored> analyses) {
        // Writing the JSON is most of the CPU work of storing thousands of analyses: use every core.
        List<Object[]> rows = (analyses.size() > 200 ? analyses.parallelStream() : analyses.stream()).map(stored -> {
            AssetAnalysis a = stored.analysis();
            return new Object[] {a.analysisId(), a.assetId(), scope.clientAccountId(), scope.engagementId(), stored.assetVersion(),
                    a.rulesVersion(), a.analyzedAt(), JSON.writeValueAsString(a)};
        }).toList();
        CopyIn.rows(dataSource, "asset_analyses", COLUMNS, rows);
    }

    /** The newest analysis of an asset. */
    public Optional<Stored> latest(TenantScope scope, UUID assetId) {
        return jdbc.sql("""
                        SELECT analysis::text AS analysis, asset_version FROM asset_analyses
                        WHERE asset_id = :id AND client_account_id = :account AND engagement_id = :engagement
                        ORDER BY analyzed_at DESC, id DESC LIMIT 1""")
                .param("id", assetId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((rs, row) -> new Stored(JSON.readValue(rs.getString("analysis"), AssetAnalysis.class), rs.getLong("asset_version")))
                .optional();
    }
}
