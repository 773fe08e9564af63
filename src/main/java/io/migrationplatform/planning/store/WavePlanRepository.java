package io.migrationplatform.planning.store;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.WavePlan;
import io.migrationplatform.platform.database.CopyIn;
import io.migrationplatform.platform.database.TableStatistics;
import io.migrationplatform.platform.web.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Wave plans, their waves and planned assets; every method is scoped by tenant. */
@Repository
public class WavePlanRepository {

    private static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<WavePlan.Constraint>> CONSTRAINTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String SCOPE_ROW = "id = :id AND client_account_id = :account AND engagement_id = :engagement";
    private static final List<String> ASSET_COLUMNS = List.of("plan_id", "asset_id", "wave_number", "name", "asset_type",
            "environment", "criticality", "six_r_strategy", "group_size");

    /** One planned asset with its wave, for storing and exporting. */
    public record Row(int waveNumber, LocalDate startDate, LocalDate endDate, boolean pilot, WavePlan.PlannedAsset asset) {
    }

    /** A stored wave without its assets. */
    public record WaveRow(int waveNumber, LocalDate startDate, LocalDate endDate, boolean pilot) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    WavePlanRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public void insert(TenantScope scope, UUID id, String name, Map<String, Object> options) {
        jdbc.sql("""
                        INSERT INTO wave_plans (id, client_account_id, engagement_id, name, options, created_by)
                        VALUES (:id, :account, :engagement, :name, CAST(:options AS json), :user)""")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("name", name).param("options", JSON.writeValueAsString(options)).param("user", scope.userId()).update();
    }

    public void setFlow(TenantScope scope, UUID id, UUID flowId) {
        jdbc.sql("UPDATE wave_plans SET flow_id = :flow WHERE " + SCOPE_ROW).param("flow", flowId)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    public Optional<WavePlan> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM wave_plans WHERE " + SCOPE_ROW)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(WavePlanRepository::plan).optional();
    }

    /** The row locked until the end of the transaction: two applications of one plan serialise. */
    public Optional<WavePlan> findForUpdate(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM wave_plans WHERE " + SCOPE_ROW + " FOR UPDATE")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(WavePlanRepository::plan).optional();
    }

    public List<WavePlan> list(TenantScope scope, PageParams page) {
        return jdbc.sql("""
                        SELECT * FROM wave_plans WHERE client_account_id = :account AND engagement_id = :engagement
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(WavePlanRepository::plan).list();
    }

    public long count(TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM wave_plans WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).query(Long.class).single();
    }

    /**
     * Replaces the plan's waves and assets with a complete result (a re-run after a crash writes the same
     * plan again, never half of two), and records its summary, constraints and warnings. The plan must
     * belong to {@code scope}; the caller's transaction makes it all or nothing. Nothing is written once the
     * plan's flow has an outcome (a client cancelled it meanwhile) or the plan was applied: the row lock taken
     * here orders this write against {@link #recordOutcome}.
     */
    public void storeResult(TenantScope scope, UUID id, List<WaveRow> waves, List<Row> assets, Map<String, Object> summary,
                            List<WavePlan.Constraint> constraints, List<String> warnings) {
        int updated = jdbc.sql("""
                        UPDATE wave_plans SET summary = CAST(:summary AS json), constraints = CAST(:constraints AS json),
                            warnings = CAST(:warnings AS json) WHERE """ + " " + SCOPE_ROW + " AND outcome IS NULL AND applied_at IS NULL")
                .param("summary", JSON.writeValueAsString(summary)).param("constraints", JSON.writeValueAsString(constraints))
                .param("warnings", JSON.writeValueAsString(warnings))
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
        if (updated == 0) {
            return;
        }
        jdbc.sql("DELETE FROM wave_plan_waves WHERE plan_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM wave_plan_assets WHERE plan_id = :id").param("id", id).update();
        List<Object[]> waveRows = new ArrayList<>(waves.size());
        for (WaveRow wave : waves) {
            waveRows.add(new Object[] {id, wave.waveNumber(), wave.startDate(), wave.endDate(), wave.pilot()});
        }
        CopyIn.rows(dataSource, "wave_plan_waves", List.of("plan_id", "wave_number", "start_date", "end_date", "pilot"), waveRows);
        List<Object[]> assetRows = new ArrayList<>(assets.size());
        for (Row row : assets) {
            WavePlan.PlannedAsset a = row.asset();
            assetRows.add(new Object[] {id, a.assetId(), row.waveNumber(), a.name(), a.assetType(), a.environment(), a.criticality(),
                    a.sixRStrategy(), a.groupSize()});
        }
        CopyIn.rows(dataSource, "wave_plan_assets", ASSET_COLUMNS, assetRows);
    }

    /**
     * Records the final status of the plan's flow. A plan whose flow did not complete keeps nothing of a result
     * it may have written before it was cancelled: no waves, no summary, so it can never be applied.
     */
    /** A new execution of the plan's flow (a retry, a resume after a restart): no outcome yet. */
    public void clearOutcome(TenantScope scope, UUID id) {
        jdbc.sql("UPDATE wave_plans SET outcome = NULL WHERE " + SCOPE_ROW + " AND applied_at IS NULL")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    public void recordOutcome(TenantScope scope, UUID id, String outcome) {
        boolean completed = outcome.equals(WavePlan.COMPLETED);
        int updated = jdbc.sql("UPDATE wave_plans SET outcome = :outcome" + (completed ? "" : ", summary = NULL, constraints = NULL, warnings = NULL")
                        + " WHERE " + SCOPE_ROW + " AND applied_at IS NULL")
                .param("outcome", outcome)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
        if (updated == 1 && !completed) {
            jdbc.sql("DELETE FROM wave_plan_assets WHERE plan_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM wave_plan_waves WHERE plan_id = :id").param("id", id).update();
        }
    }

    /** Assets of the scope that carry a migration wave but are not in this plan (an earlier plan gave it to them). */
    public int assetsWithWaveNotIn(TenantScope scope, UUID planId) {
        return jdbc.sql("""
                        SELECT count(*) FROM assets a WHERE a.client_account_id = :account AND a.engagement_id = :engagement
                          AND a.migration_wave IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM wave_plan_assets p WHERE p.plan_id = :id AND p.asset_id = a.id)""")
                .param("id", planId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(Integer.class).single();
    }

    public void markApplied(TenantScope scope, UUID id) {
        jdbc.sql("UPDATE wave_plans SET applied_by = :user, applied_at = now() WHERE " + SCOPE_ROW).param("user", scope.userId())
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    /** The plan's waves in order, without assets. Callers check the plan's scope first. */
    public List<WaveRow> waves(UUID planId) {
        return jdbc.sql("SELECT wave_number, start_date, end_date, pilot FROM wave_plan_waves WHERE plan_id = :id ORDER BY wave_number")
                .param("id", planId)
                .query((rs, n) -> new WaveRow(rs.getInt("wave_number"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), rs.getBoolean("pilot")))
                .list();
    }

    /** Counts per wave of one column's values (six_r_strategy, criticality); null values count as "unknown". */
    public Map<Integer, Map<String, Integer>> countsByWave(UUID planId, String column) {
        if (!column.equals("six_r_strategy") && !column.equals("criticality")) {
            throw new IllegalArgumentException("No counts by " + column);
        }
        Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT wave_number, coalesce(" + column + ", 'unknown') AS value, count(*) AS n FROM wave_plan_assets"
                        + " WHERE plan_id = :id GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2")
                .param("id", planId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts
                        .computeIfAbsent(rs.getInt("wave_number"), k -> new LinkedHashMap<>()).put(rs.getString("value"), rs.getInt("n")));
        return counts;
    }

    /** ANALYZE the planned assets when a plan just stored left their statistics stale (see {@link TableStatistics}). */
    public void analyzeIfStale() {
        TableStatistics.analyzeIfStale(jdbc, "wave_plan_assets");
    }

    /**
     * A page of the plan's assets by wave, then name, then id, after {@code after} (null: from the start),
     * with the readiness and risk codes of each asset's latest analysis. Callers check the plan's scope first.
     * The first page has no keyset condition at all: an "IS NULL OR (...) > (...)" condition kept the index from
     * seeking, so every page scanned the plan from its start (a 100,000-asset CSV export took 20 s instead of 2).
     */
    public List<ExportRow> page(UUID planId, ExportRow after, int limit) {
        return jdbc.sql("""
                        SELECT p.*, w.start_date, w.end_date, w.pilot, an.readiness, an.complexity, an.risks, an.blockers, deps.depends_on
                        FROM wave_plan_assets p JOIN wave_plan_waves w ON w.plan_id = p.plan_id AND w.wave_number = p.wave_number
                        LEFT JOIN LATERAL (
                            SELECT string_agg(b.name || coalesce(' (wave ' || q.wave_number || ')', ' (not planned)'), '; '
                                              ORDER BY q.wave_number NULLS LAST, b.name) AS depends_on
                            FROM asset_dependencies d JOIN assets b ON b.id = d.depends_on_asset_id
                            LEFT JOIN wave_plan_assets q ON q.plan_id = p.plan_id AND q.asset_id = b.id
                            WHERE d.asset_id = p.asset_id) deps ON true
                        LEFT JOIN LATERAL (
                            SELECT a.analysis->>'migration_readiness' AS readiness, (a.analysis->>'complexity_score')::int AS complexity,
                                   (SELECT string_agg(r->>'code', '; ') FROM json_array_elements(a.analysis->'risks') r) AS risks,
                                   (SELECT string_agg(b->>'code', '; ') FROM json_array_elements(a.analysis->'blockers') b) AS blockers
                            FROM asset_analyses a WHERE a.asset_id = p.asset_id ORDER BY a.analyzed_at DESC LIMIT 1) an ON true
                        WHERE p.plan_id = :id"""
                        + (after == null ? "" : " AND (p.wave_number, p.name, p.asset_id) > (:wave, :name, :asset)")
                        + " ORDER BY p.wave_number, p.name, p.asset_id LIMIT :limit")
                .param("id", planId).param("wave", after == null ? null : after.row().waveNumber())
                .param("name", after == null ? "" : after.row().asset().name())
                .param("asset", after == null ? new UUID(0, 0) : after.row().asset().assetId()).param("limit", limit)
                .query(WavePlanRepository::exportRow).list();
    }

    /**
     * A planned asset with what its latest analysis said (null when never analysed) and what it depends on today,
     * each with its wave in this plan.
     */
    public record ExportRow(Row row, String readiness, Integer complexityScore, String risks, String blockers, String dependsOn) {
    }

    private static ExportRow exportRow(ResultSet rs, int n) throws SQLException {
        Row row = new Row(rs.getInt("wave_number"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getBoolean("pilot"), plannedAsset(rs));
        return new ExportRow(row, rs.getString("readiness"), (Integer) rs.getObject("complexity"), rs.getString("risks"),
                rs.getString("blockers"), rs.getString("depends_on"));
    }

    /** The plan's assets of every wave, by wave then name (for GET /waves/{id}). Callers check the plan's scope first. */
    public Map<Integer, List<WavePlan.PlannedAsset>> assetsByWave(UUID planId) {
        Map<Integer, List<WavePlan.PlannedAsset>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM wave_plan_assets WHERE plan_id = :id ORDER BY wave_number, name, asset_id").param("id", planId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> result
                        .computeIfAbsent(rs.getInt("wave_number"), k -> new ArrayList<>()).add(plannedAsset(rs)));
        return result;
    }

    /** Asset id → wave number, for applying the plan. Callers check the plan's scope first. */
    public Map<UUID, Integer> waveNumbers(UUID planId) {
        Map<UUID, Integer> result = new LinkedHashMap<>();
        jdbc.sql("SELECT asset_id, wave_number FROM wave_plan_assets WHERE plan_id = :id ORDER BY wave_number, name").param("id", planId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        result.put(rs.getObject("asset_id", UUID.class), rs.getInt("wave_number")));
        return result;
    }

    private static WavePlan.PlannedAsset plannedAsset(ResultSet rs) throws SQLException {
        return new WavePlan.PlannedAsset(rs.getObject("asset_id", UUID.class), rs.getString("name"), rs.getString("asset_type"),
                rs.getString("environment"), rs.getString("criticality"), rs.getString("six_r_strategy"), rs.getInt("group_size"));
    }

    private static WavePlan plan(ResultSet rs, int n) throws SQLException {
        String summary = rs.getString("summary");
        String constraints = rs.getString("constraints");
        String warnings = rs.getString("warnings");
        return new WavePlan(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("outcome"), rs.getObject("flow_id", UUID.class), 0, null,
                JSON.readValue(rs.getString("options"), MAP), summary == null ? null : JSON.readValue(summary, MAP), null,
                constraints == null ? null : JSON.readValue(constraints, CONSTRAINTS), warnings == null ? null : JSON.readValue(warnings, STRINGS),
                rs.getObject("created_by", UUID.class), instant(rs.getTimestamp("created_at")), rs.getObject("applied_by", UUID.class),
                instant(rs.getTimestamp("applied_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
