-- Analyses are immutable records: every analysis of an asset (one-off, batch or part of an
-- assessment) is kept, so an assessment's decisions point at exactly what the engine said; the
-- "latest analysis" of an asset is the newest row. Rows outlive their asset, like the audit trail.
-- json, not jsonb: analyses are written in bulk and read whole, and json skips the conversion on write.
CREATE TABLE asset_analyses (
    id                 uuid PRIMARY KEY,
    asset_id           uuid         NOT NULL,
    client_account_id  uuid         NOT NULL,
    engagement_id      uuid         NOT NULL,
    asset_version      bigint       NOT NULL,
    rules_version      varchar(32)  NOT NULL,
    analyzed_at        timestamptz  NOT NULL,
    analysis           json         NOT NULL
);

CREATE INDEX asset_analyses_latest ON asset_analyses (asset_id, analyzed_at DESC);
CREATE INDEX asset_analyses_scope ON asset_analyses (client_account_id, engagement_id);
