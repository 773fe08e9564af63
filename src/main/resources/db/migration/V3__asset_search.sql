-- Substring search over name, hostname and IP addresses (the list's "search" parameter).
-- One immutable expression, so it can be indexed; with pg_trgm available (it ships with
-- PostgreSQL and is a trusted extension since 13) a trigram index makes "%term%" searches fast.
CREATE FUNCTION asset_search_text(name text, hostname text, ip_addresses text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lower(name || ' ' || coalesce(hostname, '') || ' ' || array_to_string(ip_addresses, ' ')) $$;

DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX assets_search_trgm_idx ON assets
        USING gin (asset_search_text(name, hostname, ip_addresses) gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available (%): asset search works without its index', SQLERRM;
END $$;
