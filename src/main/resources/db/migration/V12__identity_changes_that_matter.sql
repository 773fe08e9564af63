-- Announce only the identity changes that can make a cached principal wrong, so logins and token refreshes
-- (a new session, a later expiry) do not empty every instance's cache.
DROP TRIGGER users_identity_changed ON users;
DROP TRIGGER auth_sessions_identity_changed ON auth_sessions;

CREATE TRIGGER users_identity_changed
    AFTER UPDATE OF email, is_active, is_platform_admin, default_client_account_id, default_engagement_id OR DELETE OR TRUNCATE
    ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();

-- A session revoked, moved to another user, or cut short (an operator shortening expires_at ends it sooner).
CREATE TRIGGER auth_sessions_identity_changed
    AFTER UPDATE ON auth_sessions FOR EACH ROW
    WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.user_id <> OLD.user_id OR NEW.expires_at < OLD.expires_at)
    EXECUTE FUNCTION notify_identity_changed();
CREATE TRIGGER auth_sessions_removed
    AFTER DELETE OR TRUNCATE ON auth_sessions FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
