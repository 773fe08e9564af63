package io.migrationplatform.flows.live;

import java.util.UUID;

/** What a subscriber was allowed when it connected: its user, its scope, and the token to re-check it with. */
record Grant(UUID userId, UUID clientAccountId, UUID engagementId, String token) {

    boolean covers(UUID account, UUID engagement) {
        return clientAccountId.equals(account) && engagementId.equals(engagement);
    }

    ScopeKey scope() {
        return new ScopeKey(clientAccountId, engagementId);
    }

    record ScopeKey(UUID clientAccountId, UUID engagementId) {
    }
}
