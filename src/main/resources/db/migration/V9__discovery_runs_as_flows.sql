-- An import's execution is now a discovery flow: its status, phases, result and error live in
-- the flows table only (one owner of that state). The import keeps what was uploaded, its mappings,
-- and which flow ran it.
ALTER TABLE discovery_imports DROP CONSTRAINT IF EXISTS discovery_imports_status_check;
ALTER TABLE discovery_imports
    DROP COLUMN status,
    DROP COLUMN current_phase,
    DROP COLUMN phases,
    DROP COLUMN result,
    DROP COLUMN error,
    DROP COLUMN started_at,
    DROP COLUMN finished_at;
