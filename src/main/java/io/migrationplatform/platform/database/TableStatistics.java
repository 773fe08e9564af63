package io.migrationplatform.platform.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh planner statistics right after a bulk write. When more than a fifth of a table changed since its
 * statistics were taken (the threshold autovacuum uses), and before autovacuum gets to it — or where it is
 * off — the planner believes the table small and picks plans that read all of it: a lookup of 2,000 assets
 * by id after an import took 41 s instead of under one, and a 100,000-asset plan's export right after
 * planning took 28 s instead of 3. Call it outside a transaction, so the lock ANALYZE takes is released at once.
 */
public final class TableStatistics {

    private TableStatistics() {
    }

    /** {@code table}: a constant of the caller's, never user input. */
    public static void analyzeIfStale(JdbcClient jdbc, String table) {
        boolean stale = jdbc.sql("""
                        SELECT s.n_mod_since_analyze > 1000 + 0.2 * greatest(c.reltuples, 0)
                        FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relid = CAST(:table AS regclass)""")
                .param("table", table).query(Boolean.class).optional().orElse(false);
        if (stale) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }
}
