package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read model behind {@code GET /auth/me}. */
@Repository
class ProfileRepository {

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProfileResponse profile(AuthenticatedUser user) {
        String fullName = jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", user.id())
                .query(String.class).optional().orElse(null);
        String accounts = user.platformAdmin()
                ? "SELECT id, name FROM client_accounts WHERE is_active ORDER BY name"
                : "SELECT a.id, a.name FROM client_accounts a JOIN user_account_roles r ON r.client_account_id = a.id "
                  + "WHERE r.user_id = :id AND a.is_active ORDER BY a.name";
        List<ProfileResponse.AccountAccess> access = jdbc.sql(accounts).param("id", user.id())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Role role = user.roleIn(id).orElse(Role.VIEWER);
                    return new ProfileResponse.AccountAccess(id, rs.getString("name"), role,
                            role.permissions().stream().sorted().toList());
                })
                .list();
        return new ProfileResponse(
                new ProfileResponse.User(user.id(), user.email(), fullName, true, user.platformAdmin()),
                access, user.defaultClientAccountId(), user.defaultEngagementId());
    }
}
