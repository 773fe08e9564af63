package io.migrationplatform.flows.live;

import io.migrationplatform.identity.AccessTokens;
import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.identity.TenantScopes;
import io.migrationplatform.platform.error.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;

/**
 * Who may follow a scope's flows: the REST API's rules (a valid token of an active user with a live
 * login, a role in the client account, an engagement of that account, {@code read:assets}), checked
 * when a subscription starts and again while it lasts.
 */
final class ScopeAccess {

    /** The answer of a re-check. */
    enum Verdict { ALLOWED, DENIED, UNKNOWN }

    private final AccessTokens tokens;
    private final TenantScopes scopes;

    ScopeAccess(AccessTokens tokens, TenantScopes scopes) {
        this.tokens = tokens;
        this.scopes = scopes;
    }

    Optional<AuthenticatedUser> authenticate(String token) {
        return tokens.authenticate(token);
    }

    /** The scope when the user may read it; empty when not (no role, another account's engagement, no read:assets). */
    Optional<TenantScope> readableScope(AuthenticatedUser user, UUID clientAccountId, UUID engagementId) {
        try {
            TenantScope scope = scopes.resolve(user, Optional.of(clientAccountId), Optional.of(engagementId));
            return scope.has(Permission.READ_ASSETS) ? Optional.of(scope) : Optional.empty();
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the subscription may go on: the token has not expired, the user is still active, the
     * login not ended and the role not revoked. UNKNOWN when the database cannot be asked: a database
     * outage does not disconnect every client (they could not reconnect anyway); the next check decides.
     */
    Verdict recheck(Grant grant) {
        try {
            return tokens.authenticate(grant.token())
                    .filter(user -> user.id().equals(grant.userId()))
                    .flatMap(user -> readableScope(user, grant.clientAccountId(), grant.engagementId()))
                    .isPresent() ? Verdict.ALLOWED : Verdict.DENIED;
        } catch (DataAccessException e) {
            return Verdict.UNKNOWN;
        }
    }
}
