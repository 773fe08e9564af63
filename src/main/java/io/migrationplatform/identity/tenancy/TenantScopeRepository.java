package io.migrationplatform.identity.tenancy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resolves which engagement a request works in, always inside the given client account. */
@Repository
class TenantScopeRepository {

    private final JdbcClient jdbc;

    TenantScopeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean engagementBelongsTo(UUID engagementId, UUID clientAccountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM engagements WHERE id = :id AND client_account_id = :account)")
                .param("id", engagementId).param("account", clientAccountId)
                .query(Boolean.class).single();
    }

    /** The account's oldest engagement: the fallback when the user's default lies in another account. */
    Optional<UUID> firstEngagementOf(UUID clientAccountId) {
        return jdbc.sql("SELECT id FROM engagements WHERE client_account_id = :account ORDER BY created_at, id LIMIT 1")
                .param("account", clientAccountId)
                .query(UUID.class).optional();
    }

    boolean accountIsActive(UUID clientAccountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM client_accounts WHERE id = :id AND is_active)")
                .param("id", clientAccountId).query(Boolean.class).single();
    }
}
