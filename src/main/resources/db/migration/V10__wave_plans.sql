-- Wave plans: each planning run is a new plan (re-planning never touches an applied one). The plan
-- runs as a planning flow, whose status is the plan's; the waves and their assets are stored here.
CREATE TABLE wave_plans (
    id                 uuid PRIMARY KEY,
    client_account_id  uuid          NOT NULL,
    engagement_id      uuid          NOT NULL,
    name               varchar(255)  NOT NULL,
    options            json          NOT NULL,   -- json, not jsonb: keeps the keys in the order they were written
    flow_id            uuid,
    outcome            varchar(16),  -- its flow's final status, kept when the flow is deleted
    summary            json,
    constraints        json,
    warnings           json,
    created_by         uuid          NOT NULL,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    applied_by         uuid,
    applied_at         timestamptz
);

CREATE INDEX wave_plans_scope_created ON wave_plans (client_account_id, engagement_id, created_at DESC, id DESC);

CREATE TABLE wave_plan_waves (
    plan_id      uuid     NOT NULL REFERENCES wave_plans (id) ON DELETE CASCADE,
    wave_number  integer  NOT NULL,
    start_date   date     NOT NULL,
    end_date     date     NOT NULL,
    pilot        boolean  NOT NULL,
    PRIMARY KEY (plan_id, wave_number)
);

-- What each asset was when it was planned: a plan reads the same after assets are renamed or deleted.
-- group_size > 1: the asset moves with the other members of its dependency cycle.
CREATE TABLE wave_plan_assets (
    plan_id         uuid          NOT NULL REFERENCES wave_plans (id) ON DELETE CASCADE,
    asset_id        uuid          NOT NULL,
    wave_number     integer       NOT NULL,
    name            varchar(255)  NOT NULL,
    asset_type      varchar(50),
    environment     varchar(50),
    criticality     varchar(20),
    six_r_strategy  varchar(20),
    group_size      integer       NOT NULL,
    PRIMARY KEY (plan_id, asset_id)
);

CREATE INDEX wave_plan_assets_wave ON wave_plan_assets (plan_id, wave_number, name);
