-- The export pages a plan's assets by (wave, name, asset id): with the asset id in the index, each page is
-- an index seek to where the last one ended.
DROP INDEX wave_plan_assets_wave;
CREATE INDEX wave_plan_assets_wave ON wave_plan_assets (plan_id, wave_number, name, asset_id);
