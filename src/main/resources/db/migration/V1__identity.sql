-- Identity and tenancy: client accounts (tenants), engagements, users, roles, login sessions.

CREATE TABLE client_accounts (
    id          uuid PRIMARY KEY,
    name        varchar(255) NOT NULL,
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX client_accounts_name_key ON client_accounts (lower(name));

CREATE TABLE engagements (
    id                uuid PRIMARY KEY,
    client_account_id uuid         NOT NULL REFERENCES client_accounts (id),
    name              varchar(255) NOT NULL,
    description       varchar(2000),
    status            varchar(32)  NOT NULL DEFAULT 'active',
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX engagements_name_key ON engagements (client_account_id, lower(name));
-- Lets child tables reference (client_account_id, id) so an engagement can never be paired with another tenant.
CREATE UNIQUE INDEX engagements_tenant_key ON engagements (client_account_id, id);

CREATE TABLE users (
    id                        uuid PRIMARY KEY,
    email                     varchar(320) NOT NULL,
    password_hash             varchar(255) NOT NULL,
    full_name                 varchar(255),
    is_active                 boolean      NOT NULL DEFAULT true,
    is_platform_admin         boolean      NOT NULL DEFAULT false,
    default_client_account_id uuid REFERENCES client_accounts (id),
    default_engagement_id     uuid REFERENCES engagements (id),
    created_at                timestamptz  NOT NULL DEFAULT now(),
    updated_at                timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE user_account_roles (
    user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_account_id uuid        NOT NULL REFERENCES client_accounts (id),
    role              varchar(32) NOT NULL CHECK (role IN ('viewer', 'contributor', 'admin', 'super_admin')),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, client_account_id)
);
CREATE INDEX user_account_roles_account_idx ON user_account_roles (client_account_id);

-- One row per login. Revoking it (logout, refresh-token reuse, deactivation) invalidates the
-- access tokens issued under it at once, because every request checks it.
CREATE TABLE auth_sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(64)
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id);

-- Refresh tokens are stored only as SHA-256 hashes; each is single use.
CREATE TABLE refresh_tokens (
    token_hash  char(64) PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
