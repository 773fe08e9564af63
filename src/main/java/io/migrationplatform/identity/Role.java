package io.migrationplatform.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A user's role in one client account, and exactly the seed's {@code ROLE_PERMISSIONS}. */
public enum Role {
    VIEWER("viewer", EnumSet.of(Permission.READ_ASSETS)),
    CONTRIBUTOR("contributor", EnumSet.of(Permission.READ_ASSETS, Permission.WRITE_ASSETS, Permission.FLOW_EXECUTE)),
    ADMIN("admin", EnumSet.of(Permission.READ_ASSETS, Permission.WRITE_ASSETS, Permission.DELETE_ASSETS,
            Permission.FLOW_EXECUTE, Permission.AGENT_MANAGE)),
    SUPER_ADMIN("super_admin", EnumSet.allOf(Permission.class));

    private final String value;
    private final Set<Permission> permissions;

    Role(String value, Set<Permission> permissions) {
        this.value = value;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Roles that may manage the users and engagements of their client account. */
    public boolean canAdministerAccount() {
        return this == ADMIN || this == SUPER_ADMIN;
    }

    public static Optional<Role> fromValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
