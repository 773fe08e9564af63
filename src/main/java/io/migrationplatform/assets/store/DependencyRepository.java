package io.migrationplatform.assets.store;

import io.migrationplatform.assets.Dependency;
import io.migrationplatform.identity.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dependency edges, always within one tenant scope. */
@Repository
public class DependencyRepository {

    private final JdbcClient jdbc;

    public DependencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the edge; false if it already exists. */
    public boolean insert(TenantScope scope, Dependency d, UUID actor) {
        return jdbc.sql("""
                        INSERT INTO asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id,
                                                        dependency_type, criticality, port, protocol, created_by)
                        VALUES (:id, :account, :engagement, :asset, :target, :type, :criticality, :port, :protocol, :actor)
                        ON CONFLICT (asset_id, depends_on_asset_id) DO NOTHING""")
                .param("id", d.id()).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("asset", d.assetId()).param("target", d.dependsOnAssetId()).param("type", d.dependencyType())
                .param("criticality", d.criticality()).param("port", d.port()).param("protocol", d.protocol())
                .param("actor", actor).update() == 1;
    }

    /**
     * Inserts many plain edges with one statement per chunk (imports); existing edges are skipped.
     * Returns the edges that were really added, as (asset, depends on) pairs.
     */
    public List<Map.Entry<UUID, UUID>> insertAll(TenantScope scope, List<Map.Entry<UUID, UUID>> edges, UUID actor) {
        List<Map.Entry<UUID, UUID>> added = new ArrayList<>();
        for (int from = 0; from < edges.size(); from += 5000) {
            List<Map.Entry<UUID, UUID>> chunk = edges.subList(from, Math.min(edges.size(), from + 5000));
            added.addAll(jdbc.sql("""
                            INSERT INTO asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id,
                                                            dependency_type, created_by)
                            SELECT gen_random_uuid(), :account, :engagement, e.asset_id, e.target, 'depends_on', :actor
                            FROM unnest(CAST(:assets AS uuid[]), CAST(:targets AS uuid[])) AS e(asset_id, target)
                            ON CONFLICT (asset_id, depends_on_asset_id) DO NOTHING
                            RETURNING asset_id, depends_on_asset_id""")
                    .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).param("actor", actor)
                    .param("assets", chunk.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                    .param("targets", chunk.stream().map(Map.Entry::getValue).toArray(UUID[]::new))
                    .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                    .list());
        }
        return added;
    }

    public boolean delete(TenantScope scope, UUID assetId, UUID dependsOnAssetId) {
        return jdbc.sql("""
                        DELETE FROM asset_dependencies WHERE asset_id = :asset AND depends_on_asset_id = :target
                        AND client_account_id = :account AND engagement_id = :engagement""")
                .param("asset", assetId).param("target", dependsOnAssetId)
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update() == 1;
    }

    /** Every edge touching any of these assets, in one query. */
    public List<Dependency> touching(TenantScope scope, Collection<UUID> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        UUID[] ids = assetIds.toArray(UUID[]::new);
        return jdbc.sql("""
                        SELECT * FROM asset_dependencies
                        WHERE client_account_id = :account AND engagement_id = :engagement
                          AND (asset_id = ANY(:ids) OR depends_on_asset_id = ANY(:ids))
                        ORDER BY created_at, id""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).param("ids", ids)
                .query(DependencyRepository::map).list();
    }

    public List<Dependency> all(TenantScope scope) {
        return jdbc.sql("SELECT * FROM asset_dependencies WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(DependencyRepository::map).list();
    }

    /** Every edge of the scope as asset id → what it depends on; two columns read, nothing else (planning reads 300,000). */
    public Map<UUID, List<UUID>> dependsOn(TenantScope scope) {
        Map<UUID, List<UUID>> result = new HashMap<>();
        jdbc.sql("SELECT asset_id, depends_on_asset_id FROM asset_dependencies WHERE client_account_id = :account"
                        + " AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> result
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>(4)).add(rs.getObject(2, UUID.class)));
        return result;
    }

    private static Dependency map(ResultSet rs, int row) throws SQLException {
        return new Dependency(rs.getObject("id", UUID.class), rs.getObject("asset_id", UUID.class),
                rs.getObject("depends_on_asset_id", UUID.class), rs.getString("dependency_type"), rs.getString("criticality"),
                rs.getObject("port", Integer.class), rs.getString("protocol"), rs.getTimestamp("created_at").toInstant());
    }
}
