-- Every change to who may do what — users, login sessions, roles, client accounts — is announced on commit
-- (NOTIFY identity_changed), whoever makes it: this instance, another one, or an operator in psql. Each
-- instance keeps the principals of recent requests in memory and drops them when it hears this.
CREATE FUNCTION notify_identity_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('identity_changed', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER users_identity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
CREATE TRIGGER auth_sessions_identity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON auth_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
CREATE TRIGGER user_account_roles_identity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_account_roles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
CREATE TRIGGER client_accounts_identity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON client_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION notify_identity_changed();
