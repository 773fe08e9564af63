package io.migrationplatform.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as loaded from the database on this very request (so deactivation, role
 * revocation and logout take effect at once, not when the token expires).
 */
public record AuthenticatedUser(UUID id, String email, boolean platformAdmin, UUID defaultClientAccountId,
                                UUID defaultEngagementId, Map<UUID, Role> roles, UUID sessionId) {

    public AuthenticatedUser {
        roles = Map.copyOf(roles);
    }

    /** The role in a client account; a platform administrator acts as super_admin everywhere. */
    public Optional<Role> roleIn(UUID clientAccountId) {
        Role role = roles.get(clientAccountId);
        if (role == null && platformAdmin) {
            return Optional.of(Role.SUPER_ADMIN);
        }
        return Optional.ofNullable(role);
    }
}
