package io.migrationplatform.assets.store;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.assets.Dependency;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.HashMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dependency edges, always within one tenant scope. */
@Repository
public class DependencyRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public DependencyRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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
     * Inserts many plain edges (imports) and audits each one added on its asset ("dependency_add", depends_on
     * old [] new [target], as {@link io.migrationplatform.assets.DependencyService#add} audits one), in the
     * order given. The edges go to a temporary table with COPY; one statement then adds those that do not
     * exist yet and writes their audit entries, so neither the added edges nor their entries travel back and
     * forth. Returns how many were added.
     */
    public int insertAllAudited(TenantScope scope, List<Map.Entry<UUID, UUID>> edges, AuditContext context) {
        if (edges.isEmpty()) {
            return 0;
        }
        // Dropped at commit; emptied first in case this transaction already used it.
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS new_dependency_edges (ord integer, asset_id uuid, target uuid) ON COMMIT DROP")
                .update();
        jdbc.sql("TRUNCATE new_dependency_edges").update();
        int[] ord = {0};
        CopyIn.stream(dataSource, "new_dependency_edges", List.of("ord", "asset_id", "target"),
                sink -> edges.forEach(e -> sink.row(ord[0]++, e.getKey(), e.getValue())));
        return jdbc.sql("""
                        WITH added AS (
                            INSERT INTO asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id,
                                                            dependency_type, created_by)
                            SELECT gen_random_uuid(), CAST(:account AS uuid), CAST(:engagement AS uuid), e.asset_id, e.target,
                                   'depends_on', CAST(:actor AS uuid)
                            FROM new_dependency_edges e ORDER BY e.ord
                            ON CONFLICT (asset_id, depends_on_asset_id) DO NOTHING
                            RETURNING asset_id, depends_on_asset_id),
                        audited AS (
                            INSERT INTO asset_audit_log (client_account_id, engagement_id, asset_id, action, changes, actor_id,
                                                         actor_email, source, request_id)
                            SELECT CAST(:account AS uuid), CAST(:engagement AS uuid), a.asset_id, 'dependency_add',
                                   jsonb_build_object('depends_on', jsonb_build_object('old', '[]'::jsonb,
                                                                                       'new', jsonb_build_array(a.depends_on_asset_id))),
                                   CAST(:actor AS uuid), CAST(:email AS varchar), CAST(:source AS varchar), CAST(:requestId AS varchar)
                            FROM added a JOIN new_dependency_edges e ON e.asset_id = a.asset_id AND e.target = a.depends_on_asset_id
                            ORDER BY e.ord
                            RETURNING 1)
                        SELECT count(*) FROM audited""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("actor", context.actorId()).param("email", context.actorEmail()).param("source", context.source())
                .param("requestId", context.requestId())
                .query(Integer.class).single();
    }

    /** Every edge of the scope as (asset, depends on), without the rest of the row: for graph algorithms. */
    public void forEachEdge(TenantScope scope, java.util.function.BiConsumer<UUID, UUID> consumer) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(10_000);
        cursor.query("SELECT asset_id, depends_on_asset_id FROM asset_dependencies WHERE client_account_id = ? AND engagement_id = ?",
                rs -> {
                    consumer.accept(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                }, scope.clientAccountId(), scope.engagementId());
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

    public long count(TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM asset_dependencies WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(Long.class).single();
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
