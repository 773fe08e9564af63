-- Generates an estate of :n assets with 3 dependency edges each in one engagement.
-- psql -v account=<uuid> -v engagement=<uuid> -v n=100000 -f load-estate.sql
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO assets (id, client_account_id, engagement_id, name, asset_type, environment, status, hostname, ip_addresses,
                    operating_system, cpu_cores, memory_gb, storage_gb, cpu_utilization_pct, criticality, tags, attributes)
SELECT gen_random_uuid(), :'account', :'engagement',
       'asset-' || lpad(g::text, 7, '0'),
       (ARRAY['server', 'virtual_machine', 'database', 'application', 'service', 'network', 'storage'])[1 + g % 7],
       (ARRAY['prod', 'dev', 'test', 'staging'])[1 + g % 4],
       (ARRAY['active', 'active', 'active', 'inactive', 'migrating'])[1 + g % 5],
       'host' || g || '.corp.example.com',
       ARRAY['10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256],
       (ARRAY['Windows Server 2012 R2', 'RHEL 7.9', 'Ubuntu 20.04 LTS', 'Windows Server 2019', 'SLES 12 SP5'])[1 + g % 5],
       2 + g % 30, 4 + g % 120, 50 + g % 2000, (g % 100)::numeric,
       (ARRAY['low', 'medium', 'high', 'critical'])[1 + g % 4],
       CASE WHEN g % 10 = 0 THEN ARRAY['pci'] ELSE ARRAY[]::text[] END,
       jsonb_build_object('rack', 'R' || g % 40, 'source', 'bench')
FROM generate_series(1, :n) AS g;

-- Edges i -> i+1, i+7, i+31 (wrapping around): deterministic, no duplicates, a few long cycles.
CREATE TEMP TABLE numbered AS
    SELECT id, row_number() OVER (ORDER BY name) AS rn
    FROM assets WHERE client_account_id = :'account' AND engagement_id = :'engagement';
CREATE UNIQUE INDEX ON numbered (rn);
ANALYZE numbered;
INSERT INTO asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id)
SELECT gen_random_uuid(), :'account', :'engagement', a.id, b.id
FROM numbered a
CROSS JOIN (VALUES (1), (7), (31)) AS k(step)
JOIN numbered b ON b.rn = 1 + (a.rn - 1 + k.step) % (SELECT count(*) FROM numbered)
ON CONFLICT DO NOTHING;
COMMIT;
ANALYZE assets;
ANALYZE asset_dependencies;
