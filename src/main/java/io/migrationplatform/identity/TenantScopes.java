package io.migrationplatform.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a tenant scope for a user with the REST API's rules, for callers that have no request
 * headers to resolve it from (a WebSocket path names its client account and engagement).
 */
public interface TenantScopes {

    /**
     * The scope of the requested (or default) client account and engagement.
     *
     * @throws io.migrationplatform.platform.error.ForbiddenException when the user has no role in the account
     * @throws io.migrationplatform.platform.error.NotFoundException when the engagement is not the account's
     */
    TenantScope resolve(AuthenticatedUser user, Optional<UUID> clientAccountId, Optional<UUID> engagementId);
}
