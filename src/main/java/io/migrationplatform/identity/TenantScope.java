package io.migrationplatform.identity;

import io.migrationplatform.platform.error.ForbiddenException;
import java.util.UUID;

/**
 * The tenant scope of one request: the client account and engagement it works in, resolved once
 * from the user and the {@code X-Client-Account-ID}/{@code X-Engagement-ID} headers and checked
 * against the user's associations. Every tenant-owned query takes it explicitly.
 */
public record TenantScope(UUID userId, UUID clientAccountId, UUID engagementId, Role role) {

    public boolean has(Permission permission) {
        return role.permissions().contains(permission);
    }

    public void require(Permission permission) {
        if (!has(permission)) {
            throw ForbiddenException.missingPermission(permission.value());
        }
    }
}
