package io.migrationplatform.identity.admin;

import io.migrationplatform.identity.IdentityChanges;
import io.migrationplatform.identity.Role;
import io.migrationplatform.platform.web.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Client accounts, engagements, users and their roles. */
@Repository
class AdminRepository {

    private final JdbcClient jdbc;
    /** Told of every change to a user, role or account, so no instance serves a principal cached before it. */
    private final IdentityChanges changes;

    AdminRepository(JdbcClient jdbc, IdentityChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    // --- client accounts -------------------------------------------------------------------

    void insertAccount(UUID id, String name) {
        jdbc.sql("INSERT INTO client_accounts (id, name) VALUES (:id, :name)").param("id", id).param("name", name).update();
    }

    Optional<AdminDtos.ClientAccountView> findAccount(UUID id) {
        return jdbc.sql("SELECT * FROM client_accounts WHERE id = :id").param("id", id).query(this::account).optional();
    }

    /** All accounts, or with {@code onlyIds} just those. */
    List<AdminDtos.ClientAccountView> listAccounts(Collection<UUID> onlyIds, PageParams page) {
        return jdbc.sql("SELECT * FROM client_accounts WHERE (:all OR id = ANY(:ids)) ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .param("all", onlyIds == null).param("ids", ids(onlyIds))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(this::account).list();
    }

    long countAccounts(Collection<UUID> onlyIds) {
        return jdbc.sql("SELECT count(*) FROM client_accounts WHERE (:all OR id = ANY(:ids))")
                .param("all", onlyIds == null).param("ids", ids(onlyIds)).query(Long.class).single();
    }

    void updateAccount(UUID id, String name, Boolean active) {
        jdbc.sql("""
                UPDATE client_accounts SET name = COALESCE(:name, name), is_active = COALESCE(:active, is_active),
                       updated_at = now() WHERE id = :id""")
                .param("id", id).param("name", name).param("active", active).update();
        changes.changed();
    }

    private AdminDtos.ClientAccountView account(ResultSet rs, int n) throws SQLException {
        return new AdminDtos.ClientAccountView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getBoolean("is_active"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    // --- engagements ------------------------------------------------------------------------

    void insertEngagement(UUID id, UUID accountId, String name, String description) {
        jdbc.sql("INSERT INTO engagements (id, client_account_id, name, description) VALUES (:id, :account, :name, :description)")
                .param("id", id).param("account", accountId).param("name", name).param("description", description).update();
    }

    Optional<AdminDtos.EngagementView> findEngagement(UUID accountId, UUID id) {
        return jdbc.sql("SELECT * FROM engagements WHERE id = :id AND client_account_id = :account")
                .param("id", id).param("account", accountId).query(this::engagement).optional();
    }

    List<AdminDtos.EngagementView> listEngagements(UUID accountId, PageParams page) {
        return jdbc.sql("SELECT * FROM engagements WHERE client_account_id = :account ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("account", accountId).param("limit", page.pageSize()).param("offset", page.offset())
                .query(this::engagement).list();
    }

    long countEngagements(UUID accountId) {
        return jdbc.sql("SELECT count(*) FROM engagements WHERE client_account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    void updateEngagement(UUID accountId, UUID id, String name, String description, String status) {
        jdbc.sql("""
                UPDATE engagements SET name = COALESCE(:name, name), description = COALESCE(:description, description),
                       status = COALESCE(:status, status), updated_at = now()
                WHERE id = :id AND client_account_id = :account""")
                .param("id", id).param("account", accountId).param("name", name).param("description", description)
                .param("status", status).update();
    }

    Optional<UUID> firstEngagementOf(UUID accountId) {
        return jdbc.sql("SELECT id FROM engagements WHERE client_account_id = :account ORDER BY created_at, id LIMIT 1")
                .param("account", accountId).query(UUID.class).optional();
    }

    private AdminDtos.EngagementView engagement(ResultSet rs, int n) throws SQLException {
        return new AdminDtos.EngagementView(rs.getObject("id", UUID.class), rs.getObject("client_account_id", UUID.class),
                rs.getString("name"), rs.getString("description"), rs.getString("status"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    // --- users --------------------------------------------------------------------------------

    boolean emailExists(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email))")
                .param("email", email).query(Boolean.class).single();
    }

    void insertUser(UUID id, String email, String passwordHash, String fullName, boolean platformAdmin,
                    UUID defaultAccount, UUID defaultEngagement) {
        jdbc.sql("""
                INSERT INTO users (id, email, password_hash, full_name, is_platform_admin,
                                   default_client_account_id, default_engagement_id)
                VALUES (:id, :email, :hash, :fullName, :admin, :account, :engagement)""")
                .param("id", id).param("email", email).param("hash", passwordHash).param("fullName", fullName)
                .param("admin", platformAdmin).param("account", defaultAccount).param("engagement", defaultEngagement)
                .update();
    }

    Optional<AdminDtos.UserView> findUser(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id").param("id", id).query(this::userRow).optional()
                .map(u -> withRoles(List.of(u)).get(0));
    }

    /** All users, or with {@code accountIds} those holding a role in one of these accounts. */
    List<AdminDtos.UserView> listUsers(Collection<UUID> accountIds, PageParams page) {
        List<AdminDtos.UserView> users = jdbc.sql("""
                        SELECT * FROM users u WHERE (:all OR EXISTS (SELECT 1 FROM user_account_roles r
                               WHERE r.user_id = u.id AND r.client_account_id = ANY(:ids)))
                        ORDER BY lower(email), id LIMIT :limit OFFSET :offset""")
                .param("all", accountIds == null).param("ids", ids(accountIds))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(this::userRow).list();
        return withRoles(users);
    }

    long countUsers(Collection<UUID> accountIds) {
        return jdbc.sql("""
                        SELECT count(*) FROM users u WHERE (:all OR EXISTS (SELECT 1 FROM user_account_roles r
                               WHERE r.user_id = u.id AND r.client_account_id = ANY(:ids)))""")
                .param("all", accountIds == null).param("ids", ids(accountIds)).query(Long.class).single();
    }

    void setUserActive(UUID id, boolean active) {
        jdbc.sql("UPDATE users SET is_active = :active, updated_at = now() WHERE id = :id")
                .param("id", id).param("active", active).update();
        if (!active) {
            jdbc.sql("UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'deactivated' WHERE user_id = :id AND revoked_at IS NULL")
                    .param("id", id).update();
        }
        changes.changed();
    }

    void upsertRole(UUID userId, UUID accountId, Role role) {
        jdbc.sql("""
                INSERT INTO user_account_roles (user_id, client_account_id, role) VALUES (:user, :account, :role)
                ON CONFLICT (user_id, client_account_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()""")
                .param("user", userId).param("account", accountId).param("role", role.value()).update();
        changes.changed();
    }

    boolean deleteRole(UUID userId, UUID accountId) {
        boolean deleted = jdbc.sql("DELETE FROM user_account_roles WHERE user_id = :user AND client_account_id = :account")
                .param("user", userId).param("account", accountId).update() == 1;
        jdbc.sql("""
                UPDATE users SET default_client_account_id = NULL, default_engagement_id = NULL, updated_at = now()
                WHERE id = :user AND default_client_account_id = :account""")
                .param("user", userId).param("account", accountId).update();
        changes.changed();
        return deleted;
    }

    /** Sets the default context of a user who has none yet. */
    void setDefaultsIfMissing(UUID userId, UUID accountId, UUID engagementId) {
        jdbc.sql("""
                UPDATE users SET default_client_account_id = :account, default_engagement_id = :engagement, updated_at = now()
                WHERE id = :user AND default_client_account_id IS NULL""")
                .param("user", userId).param("account", accountId).param("engagement", engagementId).update();
        changes.changed();
    }

    private List<AdminDtos.UserView> withRoles(List<AdminDtos.UserView> users) {
        if (users.isEmpty()) {
            return users;
        }
        Map<UUID, List<AdminDtos.AccountRole>> roles = jdbc.sql(
                        "SELECT user_id, client_account_id, role FROM user_account_roles WHERE user_id = ANY(:ids) ORDER BY client_account_id")
                .param("ids", users.stream().map(AdminDtos.UserView::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), new AdminDtos.AccountRole(
                        rs.getObject("client_account_id", UUID.class), Role.fromValue(rs.getString("role")).orElseThrow())))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return users.stream().map(u -> new AdminDtos.UserView(u.id(), u.email(), u.fullName(), u.isActive(), u.isPlatformAdmin(),
                u.defaultClientAccountId(), u.defaultEngagementId(), roles.getOrDefault(u.id(), List.of()),
                u.createdAt(), u.updatedAt())).toList();
    }

    private AdminDtos.UserView userRow(ResultSet rs, int n) throws SQLException {
        return new AdminDtos.UserView(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("full_name"),
                rs.getBoolean("is_active"), rs.getBoolean("is_platform_admin"),
                rs.getObject("default_client_account_id", UUID.class), rs.getObject("default_engagement_id", UUID.class),
                List.of(), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static UUID[] ids(Collection<UUID> ids) {
        return ids == null ? new UUID[0] : ids.toArray(UUID[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
