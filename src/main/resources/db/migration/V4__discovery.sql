-- Discovery imports: the uploaded table (staged row by row, so nothing the customer sent is lost),
-- its detected format and column mappings, what each row became, and every problem found.

CREATE TABLE discovery_imports (
    id                     uuid PRIMARY KEY,
    client_account_id      uuid         NOT NULL,
    engagement_id          uuid         NOT NULL,
    filename               varchar(255) NOT NULL,
    size_bytes             bigint       NOT NULL,
    sha256                 char(64)     NOT NULL,
    format                 varchar(16)  NOT NULL,
    encoding               varchar(32),
    delimiter              varchar(4),
    header_row             integer,
    source_type            varchar(64)  NOT NULL,
    source_type_confidence numeric(4, 3),
    columns                jsonb        NOT NULL,
    row_count              integer      NOT NULL,
    sample_rows            jsonb        NOT NULL,
    mappings               jsonb        NOT NULL,
    status                 varchar(16)  NOT NULL DEFAULT 'uploaded',
    current_phase          varchar(32),
    phases                 jsonb        NOT NULL DEFAULT '[]'::jsonb,
    flow_id                uuid,
    result                 jsonb,
    error                  text,
    created_by             uuid,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    started_at             timestamptz,
    finished_at            timestamptz,
    FOREIGN KEY (client_account_id, engagement_id) REFERENCES engagements (client_account_id, id),
    CHECK (status IN ('uploaded', 'running', 'completed', 'failed'))
);
CREATE INDEX discovery_imports_scope_idx ON discovery_imports (client_account_id, engagement_id, created_at DESC);

CREATE TABLE discovery_import_rows (
    import_id  uuid   NOT NULL REFERENCES discovery_imports (id) ON DELETE CASCADE,
    row_number bigint NOT NULL,
    cells      text[] NOT NULL,
    extra      text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (import_id, row_number)
);

-- What each row became in the last execution: created, updated, unchanged, merged into another row, rejected.
CREATE TABLE discovery_import_outcomes (
    import_id  uuid        NOT NULL REFERENCES discovery_imports (id) ON DELETE CASCADE,
    row_number bigint      NOT NULL,
    asset_id   uuid,
    outcome    varchar(16) NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

CREATE TABLE discovery_import_issues (
    id          bigserial PRIMARY KEY,
    import_id   uuid        NOT NULL REFERENCES discovery_imports (id) ON DELETE CASCADE,
    row_number  bigint,
    column_name varchar(255),
    value       text,
    reason      text        NOT NULL,
    severity    varchar(8)  NOT NULL CHECK (severity IN ('error', 'warning')),
    phase       varchar(32) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discovery_import_issues_import_idx ON discovery_import_issues (import_id, row_number, id);
