-- Flows: the one record of a long-running discovery, assessment or planning run, its ordered
-- phases and its status. Only the flow engine writes these rows (each write locks the row), so
-- a flow's status and its phases can never disagree.
CREATE TABLE flows (
    id                 uuid PRIMARY KEY,
    client_account_id  uuid          NOT NULL,
    engagement_id      uuid          NOT NULL,
    flow_type          varchar(32)   NOT NULL,
    name               varchar(255)  NOT NULL,
    status             varchar(24)   NOT NULL,
    phases             jsonb         NOT NULL,
    current_phase      varchar(64),
    progress           integer       NOT NULL DEFAULT 0,
    configuration      jsonb         NOT NULL DEFAULT '{}'::jsonb,
    result             jsonb,
    error              text,
    task_id            uuid,
    created_by         uuid          NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz
);

CREATE INDEX flows_scope_created ON flows (client_account_id, engagement_id, created_at DESC, id DESC);
CREATE INDEX flows_active ON flows (status) WHERE status IN ('pending', 'running');
