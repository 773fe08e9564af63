package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.IdentityChanges;
import io.migrationplatform.identity.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users as seen by authentication, login sessions and refresh tokens. */
@Repository
class AuthRepository {

    record Credentials(UUID id, String email, String passwordHash, boolean active) {
    }

    record RefreshTokenRow(String tokenHash, UUID sessionId, UUID userId, Instant expiresAt, Instant usedAt,
                           Instant sessionRevokedAt) {
    }

    private final JdbcClient jdbc;
    private final IdentityChanges changes;

    AuthRepository(JdbcClient jdbc, IdentityChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
    }

    Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("SELECT id, email, password_hash, is_active FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query((rs, n) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("password_hash"), rs.getBoolean("is_active")))
                .optional();
    }

    /**
     * The caller as of now: only an active user with a live session, and only roles in active
     * client accounts. One query, run on every authenticated request whose principal is not cached.
     */
    Optional<AuthenticatedUser> findActivePrincipal(UUID userId, UUID sessionId) {
        return findLivePrincipal(userId, sessionId).map(LivePrincipal::user);
    }

    /** An active caller and until when their login session lasts (if nothing revokes it first). */
    record LivePrincipal(AuthenticatedUser user, Instant sessionExpiresAt) {
    }

    Optional<LivePrincipal> findLivePrincipal(UUID userId, UUID sessionId) {
        return jdbc.sql("""
                        SELECT u.id, u.email, u.is_platform_admin, u.default_client_account_id, u.default_engagement_id,
                               array_agg(r.client_account_id) FILTER (WHERE a.id IS NOT NULL) AS account_ids,
                               array_agg(r.role) FILTER (WHERE a.id IS NOT NULL) AS roles,
                               min(s.expires_at) AS session_expires_at
                        FROM users u
                        JOIN auth_sessions s ON s.id = :sessionId AND s.user_id = u.id
                             AND s.revoked_at IS NULL AND s.expires_at > now()
                        LEFT JOIN user_account_roles r ON r.user_id = u.id
                        LEFT JOIN client_accounts a ON a.id = r.client_account_id AND a.is_active
                        WHERE u.id = :userId AND u.is_active
                        GROUP BY u.id""")
                .param("userId", userId)
                .param("sessionId", sessionId)
                .query((rs, n) -> new LivePrincipal(new AuthenticatedUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getBoolean("is_platform_admin"), rs.getObject("default_client_account_id", UUID.class),
                        rs.getObject("default_engagement_id", UUID.class), roles(rs), sessionId),
                        rs.getTimestamp("session_expires_at").toInstant()))
                .optional();
    }

    private static Map<UUID, Role> roles(ResultSet rs) throws SQLException {
        Map<UUID, Role> roles = new HashMap<>();
        Array ids = rs.getArray("account_ids");
        Array names = rs.getArray("roles");
        if (ids == null || names == null) {
            return roles;
        }
        Object[] idValues = (Object[]) ids.getArray();
        Object[] roleValues = (Object[]) names.getArray();
        for (int i = 0; i < idValues.length; i++) {
            UUID id = (UUID) idValues[i];
            Role.fromValue((String) roleValues[i]).ifPresent(role -> roles.put(id, role));
        }
        return roles;
    }

    /** No identity change is announced for a new login or a longer one: neither can make a cached principal wrong. */
    void createSession(UUID sessionId, UUID userId, Instant expiresAt) {
        jdbc.sql("INSERT INTO auth_sessions (id, user_id, expires_at) VALUES (:id, :userId, :expiresAt)")
                .param("id", sessionId).param("userId", userId).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    void storeRefreshToken(String tokenHash, UUID sessionId, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (:hash, :sessionId, :expiresAt)")
                .param("hash", tokenHash).param("sessionId", sessionId).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    Optional<RefreshTokenRow> findRefreshToken(String tokenHash) {
        return jdbc.sql("""
                        SELECT t.token_hash, t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at
                        FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
                        WHERE t.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, n) -> new RefreshTokenRow(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        instant(rs, 4), instant(rs, 5), instant(rs, 6)))
                .optional();
    }

    /** Marks the token used; false when another request used it first (a replay). */
    boolean markUsed(String tokenHash) {
        return jdbc.sql("UPDATE refresh_tokens SET used_at = now() WHERE token_hash = :hash AND used_at IS NULL")
                .param("hash", tokenHash).update() == 1;
    }

    /** Sliding expiry: a login stays alive while it is used at least once per refresh-token lifetime. */
    void extendSession(UUID sessionId, Instant expiresAt) {
        jdbc.sql("UPDATE auth_sessions SET expires_at = :expiresAt WHERE id = :id AND revoked_at IS NULL")
                .param("id", sessionId).param("expiresAt", Timestamp.from(expiresAt)).update();
    }

    void revokeSession(UUID sessionId, String reason) {
        jdbc.sql("UPDATE auth_sessions SET revoked_at = now(), revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .param("id", sessionId).param("reason", reason).update();
        changes.changed();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
