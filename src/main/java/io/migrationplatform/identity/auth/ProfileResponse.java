package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.Role;
import java.util.List;
import java.util.UUID;

/** {@code GET /auth/me}: who I am, where I may work, and my default context. */
public record ProfileResponse(User user, List<AccountAccess> clientAccounts, UUID defaultClientAccountId,
                              UUID defaultEngagementId) {

    public record User(UUID id, String email, String fullName, boolean isActive, boolean isPlatformAdmin) {
    }

    public record AccountAccess(UUID id, String name, Role role, List<Permission> permissions) {
    }
}
