-- Background tasks: what a client can see of each task (tasks), and db-scheduler's own queue
-- (scheduled_tasks) that runs them durably: a task whose server dies is picked up again by the
-- dead-execution detection of any live instance.

CREATE TABLE tasks (
    id                uuid PRIMARY KEY,
    client_account_id uuid         NOT NULL,
    engagement_id     uuid         NOT NULL,
    kind              varchar(100) NOT NULL,
    status            varchar(16)  NOT NULL DEFAULT 'queued',
    input             jsonb        NOT NULL DEFAULT '{}'::jsonb,
    result            jsonb,
    -- Per-item errors (key -> reason), the first 1000; error_count counts them all.
    errors            jsonb        NOT NULL DEFAULT '{}'::jsonb,
    error_count       bigint       NOT NULL DEFAULT 0,
    processed         bigint       NOT NULL DEFAULT 0,
    total             bigint       NOT NULL DEFAULT 0,
    message           text,
    -- Executions started so far; more than one means the task was resumed after an interruption.
    attempts          integer      NOT NULL DEFAULT 0,
    created_by        uuid,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    FOREIGN KEY (client_account_id, engagement_id) REFERENCES engagements (client_account_id, id),
    CHECK (status IN ('queued', 'running', 'completed', 'failed'))
);
CREATE INDEX tasks_scope_idx ON tasks (client_account_id, engagement_id, created_at DESC);

-- db-scheduler 16's table for PostgreSQL, as its project publishes it.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
