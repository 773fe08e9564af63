package io.migrationplatform.assets.store;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.assets.AuditEntry;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import io.migrationplatform.platform.web.PageParams;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The asset audit trail: append-only, readable after the asset is gone. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public void record(TenantScope scope, UUID assetId, String action, Map<String, Object> changes, AuditContext context) {
        jdbc.sql("""
                        INSERT INTO asset_audit_log (client_account_id, engagement_id, asset_id, action, changes,
                                                     actor_id, actor_email, source, request_id)
                        VALUES (:account, :engagement, :asset, :action, :changes, :actor, :email, :source, :requestId)""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).param("asset", assetId)
                .param("action", action).param("changes", AssetRows.jsonb(changes)).param("actor", context.actorId())
                .param("email", context.actorEmail()).param("source", context.source()).param("requestId", context.requestId())
                .update();
    }

    private static final List<String> COPY_COLUMNS = List.of("client_account_id", "engagement_id", "asset_id", "action", "changes",
            "actor_id", "actor_email", "source", "request_id");

    /**
     * Many audit entries with COPY in the current transaction, in the order given (their ids follow it);
     * each entry is (asset id, action, changes).
     */
    public void recordBatch(TenantScope scope, List<Object[]> entries, AuditContext context) {
        if (entries.isEmpty()) {
            return;
        }
        CopyIn.stream(dataSource, "asset_audit_log", COPY_COLUMNS, sink -> {
            for (Object[] e : entries) {
                sink.row(scope.clientAccountId(), scope.engagementId(), e[0], e[1], AssetRows.jsonText(e[2]), context.actorId(),
                        context.actorEmail(), context.source(), context.requestId());
            }
        });
    }

    public List<AuditEntry> history(TenantScope scope, UUID assetId, PageParams page) {
        return jdbc.sql("""
                        SELECT * FROM asset_audit_log WHERE client_account_id = :account AND engagement_id = :engagement
                          AND asset_id = :asset ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).param("asset", assetId)
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getObject("asset_id", UUID.class), rs.getString("action"),
                        AssetRows.json(rs.getString("changes")), rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_email"), rs.getString("source"), rs.getString("request_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long count(TenantScope scope, UUID assetId) {
        return jdbc.sql("""
                        SELECT count(*) FROM asset_audit_log WHERE client_account_id = :account AND engagement_id = :engagement
                          AND asset_id = :asset""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).param("asset", assetId)
                .query(Long.class).single();
    }
}
