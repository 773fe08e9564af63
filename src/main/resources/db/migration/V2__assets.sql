-- Asset inventory: assets, their dependencies, and an audit trail that outlives deleted assets.

CREATE TABLE assets (
    id                     uuid PRIMARY KEY,
    client_account_id      uuid         NOT NULL,
    engagement_id          uuid         NOT NULL,
    name                   varchar(255) NOT NULL,
    asset_type             varchar(32)  NOT NULL,
    environment            varchar(16)  NOT NULL,
    status                 varchar(16)  NOT NULL DEFAULT 'active',
    attributes             jsonb        NOT NULL DEFAULT '{}'::jsonb,
    tags                   text[]       NOT NULL DEFAULT '{}',
    external_id            varchar(255),
    hostname               varchar(255),
    fqdn                   varchar(255),
    ip_addresses           text[]       NOT NULL DEFAULT '{}',
    operating_system       varchar(255),
    os_version             varchar(255),
    cpu_cores              integer,
    memory_gb              numeric(14, 2),
    storage_gb             numeric(16, 2),
    cpu_utilization_pct    numeric(5, 2),
    memory_utilization_pct numeric(5, 2),
    application_name       varchar(255),
    technology_stack       text[]       NOT NULL DEFAULT '{}',
    database_type          varchar(255),
    database_version       varchar(255),
    business_owner         varchar(255),
    technical_owner        varchar(255),
    department             varchar(255),
    location               varchar(255),
    criticality            varchar(16),
    six_r_strategy         varchar(16),
    migration_wave         integer,
    created_by             uuid,
    updated_by             uuid,
    version                bigint       NOT NULL DEFAULT 1,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    -- The engagement must belong to the same client account: a row can never straddle two tenants.
    FOREIGN KEY (client_account_id, engagement_id) REFERENCES engagements (client_account_id, id),
    CHECK (status IN ('active', 'inactive', 'migrating', 'decommissioned')),
    CHECK (environment IN ('dev', 'staging', 'prod', 'test')),
    CHECK (criticality IS NULL OR criticality IN ('low', 'medium', 'high', 'critical'))
);

-- Every list query filters on the scope first; these cover the default sort and the common filters + sorts.
CREATE INDEX assets_scope_name_idx ON assets (client_account_id, engagement_id, name, id);
CREATE INDEX assets_scope_env_name_idx ON assets (client_account_id, engagement_id, environment, name, id);
CREATE INDEX assets_scope_type_name_idx ON assets (client_account_id, engagement_id, asset_type, name, id);
CREATE INDEX assets_scope_status_name_idx ON assets (client_account_id, engagement_id, status, name, id);
CREATE INDEX assets_scope_created_idx ON assets (client_account_id, engagement_id, created_at, id);
CREATE INDEX assets_tags_idx ON assets USING gin (tags);
CREATE INDEX assets_scope_hostname_idx ON assets (client_account_id, engagement_id, lower(hostname));
CREATE INDEX assets_scope_external_id_idx ON assets (client_account_id, engagement_id, external_id);

CREATE TABLE asset_dependencies (
    id                  uuid PRIMARY KEY,
    client_account_id   uuid        NOT NULL,
    engagement_id       uuid        NOT NULL,
    asset_id            uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    depends_on_asset_id uuid        NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    dependency_type     varchar(64) NOT NULL DEFAULT 'depends_on',
    criticality         varchar(16),
    port                integer,
    protocol            varchar(16),
    created_by          uuid,
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (asset_id, depends_on_asset_id),
    CHECK (asset_id <> depends_on_asset_id),
    CHECK (port IS NULL OR port BETWEEN 1 AND 65535)
);
CREATE INDEX asset_dependencies_scope_idx ON asset_dependencies (client_account_id, engagement_id);
CREATE INDEX asset_dependencies_target_idx ON asset_dependencies (depends_on_asset_id);

-- No foreign key to assets: the history of a deleted asset stays readable.
CREATE TABLE asset_audit_log (
    id                bigserial PRIMARY KEY,
    client_account_id uuid        NOT NULL,
    engagement_id     uuid        NOT NULL,
    asset_id          uuid        NOT NULL,
    action            varchar(32) NOT NULL,
    changes           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    actor_id          uuid,
    actor_email       varchar(320),
    source            varchar(64) NOT NULL DEFAULT 'api',
    request_id        varchar(128),
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX asset_audit_log_asset_idx ON asset_audit_log (client_account_id, engagement_id, asset_id, id);
