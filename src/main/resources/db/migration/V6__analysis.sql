-- The latest analysis of each asset. One row per asset: a new analysis replaces the old one (the
-- audit trail of what was decided lives with assessments). Deleted with its asset.
CREATE TABLE asset_analyses (
    asset_id           uuid PRIMARY KEY REFERENCES assets (id) ON DELETE CASCADE,
    client_account_id  uuid         NOT NULL,
    engagement_id      uuid         NOT NULL,
    asset_version      bigint       NOT NULL,
    rules_version      varchar(32)  NOT NULL,
    analyzed_at        timestamptz  NOT NULL,
    analysis           jsonb        NOT NULL
);

CREATE INDEX asset_analyses_scope ON asset_analyses (client_account_id, engagement_id);
