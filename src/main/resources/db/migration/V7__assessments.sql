-- Assessments: a named run of the analysis engine over a selection of assets, the engine's answer
-- per asset, and a human's override kept beside it (never replacing it). An assessment runs as a
-- flow: its progress and status are the flow's (no second status here), approval is its own.
CREATE TABLE assessments (
    id                 uuid PRIMARY KEY,
    client_account_id  uuid          NOT NULL,
    engagement_id      uuid          NOT NULL,
    name               varchar(255)  NOT NULL,
    selection          jsonb         NOT NULL,
    flow_id            uuid,
    outcome            varchar(16),  -- its flow's final status, kept when the flow is deleted
    asset_count        integer       NOT NULL DEFAULT 0,
    failed             jsonb         NOT NULL DEFAULT '{}'::jsonb,
    failed_count       integer       NOT NULL DEFAULT 0,
    rules_version      varchar(32),
    created_by         uuid          NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    approved_by        uuid,
    approved_at        timestamptz
);

CREATE INDEX assessments_scope_created ON assessments (client_account_id, engagement_id, created_at DESC, id DESC);

CREATE TABLE assessment_decisions (
    assessment_id        uuid          NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    asset_id             uuid          NOT NULL,
    client_account_id    uuid          NOT NULL,
    engagement_id        uuid          NOT NULL,
    asset_name           varchar(255)  NOT NULL,
    recommended_strategy varchar(16)   NOT NULL,
    confidence           double precision NOT NULL,
    migration_readiness  varchar(16)   NOT NULL,
    readiness_score      integer       NOT NULL,
    complexity_score     integer       NOT NULL,
    effort_person_days   double precision NOT NULL,
    analysis_id          uuid          NOT NULL REFERENCES asset_analyses (id),
    risk_codes           text[]        NOT NULL DEFAULT '{}',
    blocker_codes        text[]        NOT NULL DEFAULT '{}',
    input_fingerprint    varchar(32)   NOT NULL,
    override_effort_person_days double precision,
    override_strategy    varchar(16),
    override_rationale   text,
    overridden_by        uuid,
    overridden_at        timestamptz,
    PRIMARY KEY (assessment_id, asset_id)
);

CREATE INDEX assessment_decisions_by_name ON assessment_decisions (assessment_id, asset_name, asset_id);
