package io.migrationplatform.assessments.store;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.assessments.Assessment;
import io.migrationplatform.assessments.Decision;
import io.migrationplatform.assessments.DecisionExportRow;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import io.migrationplatform.platform.web.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Assessments and their decisions; every method is scoped by tenant. */
@Repository
public class AssessmentRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    AssessmentRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    public void insert(TenantScope scope, UUID id, String name, Map<String, Object> selection) {
        jdbc.sql("""
                        INSERT INTO assessments (id, client_account_id, engagement_id, name, selection, created_by)
                        VALUES (:id, :account, :engagement, :name, CAST(:selection AS jsonb), :user)""")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("name", name).param("selection", JSON.writeValueAsString(selection)).param("user", scope.userId())
                .update();
    }

    public void setFlow(TenantScope scope, UUID id, UUID flowId) {
        update(scope, id, "flow_id = :value", flowId);
    }

    /** Ids that could not be assessed, with the reason (set by the selection phase). */
    public void setFailed(TenantScope scope, UUID id, Map<String, String> failed, int count) {
        jdbc.sql("UPDATE assessments SET failed = CAST(:failed AS jsonb), failed_count = :count WHERE " + SCOPE_ROW)
                .param("failed", JSON.writeValueAsString(failed)).param("count", count)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    private static final String SCOPE_ROW = "id = :id AND client_account_id = :account AND engagement_id = :engagement";

    /** Asset id → the fingerprint of what the engine read, for approval's staleness check. */
    public Map<UUID, String> fingerprints(TenantScope scope, UUID assessmentId) {
        Map<UUID, String> fingerprints = new LinkedHashMap<>();
        jdbc.sql("SELECT asset_id, input_fingerprint FROM assessment_decisions d WHERE " + SCOPE)
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((RowCallbackHandler) rs -> fingerprints.put(rs.getObject("asset_id", UUID.class), rs.getString("input_fingerprint")));
        return fingerprints;
    }

    public Optional<Decision> decision(TenantScope scope, UUID assessmentId, UUID assetId) {
        return jdbc.sql("SELECT d.*, a.analysis::text AS analysis FROM assessment_decisions d JOIN asset_analyses a ON a.id = d.analysis_id"
                        + " WHERE " + SCOPE + " AND d.asset_id = :asset")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("asset", assetId).query(AssessmentRepository::decision).optional();
    }

    /** Removes a reviewer's override: the engine's strategy is final again. */
    public Optional<Decision> clearOverride(TenantScope scope, UUID assessmentId, UUID assetId) {
        return override(scope, assessmentId, assetId, null, null, null);
    }

    public Optional<Assessment> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM assessments WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(AssessmentRepository::assessment).optional();
    }

    /** The row locked until the end of the transaction: approvals and overrides of one assessment serialise. */
    public Optional<Assessment> findForUpdate(TenantScope scope, UUID id) {
        return jdbc.sql("""
                        SELECT * FROM assessments WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement
                        FOR UPDATE""")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(AssessmentRepository::assessment).optional();
    }

    public List<Assessment> list(TenantScope scope, PageParams page) {
        return jdbc.sql("""
                        SELECT * FROM assessments WHERE client_account_id = :account AND engagement_id = :engagement
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(AssessmentRepository::assessment).list();
    }

    public long count(TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM assessments WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).query(Long.class).single();
    }

    public void markCompleted(TenantScope scope, UUID id, int assetCount, String rulesVersion) {
        jdbc.sql("""
                        UPDATE assessments SET asset_count = :count, rules_version = :rules, completed_at = now()
                        WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement""")
                .param("count", assetCount).param("rules", rulesVersion)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    /** The final status of the assessment's flow (null again when it runs anew: a retry). */
    public void recordOutcome(TenantScope scope, UUID id, String outcome) {
        jdbc.sql("UPDATE assessments SET outcome = :outcome WHERE " + SCOPE_ROW).param("outcome", outcome)
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    public void markApproved(TenantScope scope, UUID id) {
        jdbc.sql("""
                        UPDATE assessments SET approved_by = :user, approved_at = now()
                        WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement""")
                .param("user", scope.userId())
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    /** Removes decisions of a previous attempt for assets no longer selected (a re-run after a crash). */
    public void deleteDecisionsExcept(TenantScope scope, UUID assessmentId, List<UUID> keep) {
        jdbc.sql("""
                        DELETE FROM assessment_decisions WHERE assessment_id = :id AND client_account_id = :account
                          AND engagement_id = :engagement AND NOT (asset_id = ANY(:keep))""")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("keep", keep.toArray(UUID[]::new)).update();
    }

    private static final List<String> DECISION_COLUMNS = List.of("assessment_id", "asset_id", "client_account_id", "engagement_id",
            "asset_name", "recommended_strategy", "confidence", "migration_readiness", "readiness_score", "complexity_score",
            "effort_person_days", "analysis_id", "risk_codes", "blocker_codes", "input_fingerprint");

    public boolean hasDecisions(TenantScope scope, UUID assessmentId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM assessment_decisions WHERE assessment_id = :id AND client_account_id = :account
                                       AND engagement_id = :engagement)""")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(Boolean.class).single();
    }

    /** The first run's decisions, with one COPY. */
    public void insertDecisions(TenantScope scope, UUID assessmentId, List<AssetAnalysis> analyses) {
        List<Object[]> rows = new ArrayList<>(analyses.size());
        for (AssetAnalysis a : analyses) {
            rows.add(new Object[] {assessmentId, a.assetId(), scope.clientAccountId(), scope.engagementId(), a.assetName(),
                    a.recommendedStrategy(), a.confidence(), a.migrationReadiness(), a.readinessScore(), a.complexityScore(),
                    a.effort().personDays(), a.analysisId(), pgArray(codes(a.risks())), pgArray(codes(a.blockers())),
                    a.inputFingerprint()});
        }
        CopyIn.rows(dataSource, "assessment_decisions", DECISION_COLUMNS, rows);
    }

    /** A re-run's decisions (after an interruption): the engine's answer is replaced, an override already made is kept. */
    public void upsertDecisions(TenantScope scope, UUID assessmentId, List<AssetAnalysis> analyses) {
        String sql = """
                INSERT INTO assessment_decisions (assessment_id, asset_id, client_account_id, engagement_id, asset_name,
                    recommended_strategy, confidence, migration_readiness, readiness_score, complexity_score, effort_person_days, analysis_id,
                    risk_codes, blocker_codes, input_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (assessment_id, asset_id) DO UPDATE SET asset_name = EXCLUDED.asset_name,
                    recommended_strategy = EXCLUDED.recommended_strategy, confidence = EXCLUDED.confidence,
                    migration_readiness = EXCLUDED.migration_readiness, readiness_score = EXCLUDED.readiness_score,
                    complexity_score = EXCLUDED.complexity_score, effort_person_days = EXCLUDED.effort_person_days,
                    analysis_id = EXCLUDED.analysis_id, risk_codes = EXCLUDED.risk_codes, blocker_codes = EXCLUDED.blocker_codes,
                    input_fingerprint = EXCLUDED.input_fingerprint""";
        template.batchUpdate(sql, analyses, 500, (ps, a) -> {
            ps.setObject(1, assessmentId);
            ps.setObject(2, a.assetId());
            ps.setObject(3, scope.clientAccountId());
            ps.setObject(4, scope.engagementId());
            ps.setString(5, a.assetName());
            ps.setString(6, a.recommendedStrategy());
            ps.setDouble(7, a.confidence());
            ps.setString(8, a.migrationReadiness());
            ps.setInt(9, a.readinessScore());
            ps.setInt(10, a.complexityScore());
            ps.setDouble(11, a.effort().personDays());
            ps.setObject(12, a.analysisId());
            ps.setArray(13, ps.getConnection().createArrayOf("text", codes(a.risks()).toArray()));
            ps.setArray(14, ps.getConnection().createArrayOf("text", codes(a.blockers()).toArray()));
            ps.setString(15, a.inputFingerprint());
        });
    }

    public List<Decision> decisions(TenantScope scope, UUID assessmentId, String strategy, String readiness, PageParams page) {
        return jdbc.sql("SELECT d.*, a.analysis::text AS analysis FROM assessment_decisions d JOIN asset_analyses a ON a.id = d.analysis_id"
                        + " WHERE " + decisionFilter(strategy, readiness) + " ORDER BY d.asset_name, d.asset_id LIMIT :limit OFFSET :offset")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("strategy", strategy).param("readiness", readiness)
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(AssessmentRepository::decision).list();
    }

    /**
     * One keyset page of the decisions with the asset's current type, environment and criticality (null once
     * the asset is deleted), by asset name then id, after {@code after} (null: from the start).
     */
    public List<DecisionExportRow> exportPage(TenantScope scope, UUID assessmentId, DecisionExportRow after, int limit) {
        String keyset = after == null ? "" : " AND (d.asset_name, d.asset_id) > (:afterName, :afterId)";
        var spec = jdbc.sql("""
                        SELECT d.*, a.analysis::text AS analysis, s.asset_type, s.environment, s.criticality
                        FROM assessment_decisions d JOIN asset_analyses a ON a.id = d.analysis_id
                        LEFT JOIN assets s ON s.id = d.asset_id AND s.client_account_id = d.client_account_id
                                          AND s.engagement_id = d.engagement_id
                        WHERE d.assessment_id = :id AND d.client_account_id = :account AND d.engagement_id = :engagement"""
                        + keyset + " ORDER BY d.asset_name, d.asset_id LIMIT :limit")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("afterName", after.decision().assetName()).param("afterId", after.decision().assetId());
        }
        return spec.query((rs, row) -> new DecisionExportRow(decision(rs, row), rs.getString("asset_type"),
                rs.getString("environment"), rs.getString("criticality"))).list();
    }

    public long countDecisions(TenantScope scope, UUID assessmentId, String strategy, String readiness) {
        return jdbc.sql("SELECT count(*) FROM assessment_decisions d WHERE " + decisionFilter(strategy, readiness))
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("strategy", strategy).param("readiness", readiness).query(Long.class).single();
    }

    /** Filters on the final strategy (the override if any) and on readiness; nulls mean "any". */
    private static String decisionFilter(String strategy, String readiness) {
        return "d.assessment_id = :id AND d.client_account_id = :account AND d.engagement_id = :engagement"
                + (strategy == null ? "" : " AND COALESCE(d.override_strategy, d.recommended_strategy) = :strategy")
                + (readiness == null ? "" : " AND d.migration_readiness = :readiness");
    }

    public Optional<Decision> override(TenantScope scope, UUID assessmentId, UUID assetId, String strategy, String rationale,
                                       Double effortPersonDays) {
        return jdbc.sql("""
                        WITH d AS (
                            UPDATE assessment_decisions SET override_strategy = :strategy, override_rationale = :rationale,
                                override_effort_person_days = :effort,
                                overridden_by = CASE WHEN :strategy::text IS NULL THEN NULL ELSE :user END,
                                overridden_at = CASE WHEN :strategy::text IS NULL THEN NULL ELSE now() END
                            WHERE assessment_id = :id AND asset_id = :asset AND client_account_id = :account AND engagement_id = :engagement
                            RETURNING *)
                        SELECT d.*, a.analysis::text AS analysis FROM d JOIN asset_analyses a ON a.id = d.analysis_id""")
                .param("strategy", strategy).param("rationale", rationale).param("effort", effortPersonDays).param("user", scope.userId())
                .param("id", assessmentId).param("asset", assetId).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query(AssessmentRepository::decision).optional();
    }

    /** Asset id → final strategy, for approval. */
    public Map<UUID, String> finalStrategies(TenantScope scope, UUID assessmentId) {
        Map<UUID, String> strategies = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT asset_id, COALESCE(override_strategy, recommended_strategy) AS strategy FROM assessment_decisions
                        WHERE assessment_id = :id AND client_account_id = :account AND engagement_id = :engagement ORDER BY asset_id""")
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((RowCallbackHandler) rs -> strategies.put(rs.getObject("asset_id", UUID.class), rs.getString("strategy")));
        return strategies;
    }

    /** Counts by engine and final strategy, readiness, risk and blocker codes, overrides and total effort: four queries. */
    public Map<String, Object> summary(TenantScope scope, UUID assessmentId) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("by_strategy", counts(scope, assessmentId, "SELECT recommended_strategy AS k, count(*) AS n FROM assessment_decisions d WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1"));
        summary.put("by_final_strategy", counts(scope, assessmentId, "SELECT COALESCE(override_strategy, recommended_strategy) AS k, count(*) AS n FROM assessment_decisions d WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1"));
        summary.put("by_readiness", counts(scope, assessmentId, "SELECT migration_readiness AS k, count(*) AS n FROM assessment_decisions d WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1"));
        summary.put("risks", counts(scope, assessmentId, "SELECT r AS k, count(*) AS n FROM assessment_decisions d, unnest(d.risk_codes) r WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1"));
        summary.put("blockers", counts(scope, assessmentId, "SELECT r AS k, count(*) AS n FROM assessment_decisions d, unnest(d.blocker_codes) r WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1"));
        Map<String, Object> totals = jdbc.sql(("SELECT count(*) AS decisions, count(override_strategy) AS overrides, "
                        + "COALESCE(sum(COALESCE(override_effort_person_days, effort_person_days)), 0) AS effort FROM assessment_decisions d WHERE %s").formatted(SCOPE))
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((rs, row) -> {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("decisions", rs.getLong("decisions"));
                    t.put("overrides", rs.getLong("overrides"));
                    t.put("effort_person_days", rs.getDouble("effort"));
                    return t;
                }).single();
        summary.putAll(totals);
        return summary;
    }

    private static List<String> codes(List<AssetAnalysis.Finding> findings) {
        return findings.stream().map(AssetAnalysis.Finding::code).toList();
    }

    /** A text[] literal for COPY: codes are snake_case identifiers, so no quoting is needed inside. */
    private static String pgArray(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    private static final String SCOPE = "d.assessment_id = :id AND d.client_account_id = :account AND d.engagement_id = :engagement";

    private Map<String, Long> counts(TenantScope scope, UUID assessmentId, String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql.formatted(SCOPE))
                .param("id", assessmentId).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query((RowCallbackHandler) rs -> counts.put(rs.getString("k"), rs.getLong("n")));
        return counts;
    }

    private void update(TenantScope scope, UUID id, String set, Object value) {
        jdbc.sql("UPDATE assessments SET " + set + " WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement")
                .param("value", value).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).update();
    }

    private static Assessment assessment(ResultSet rs, int row) throws SQLException {
        Map<String, String> failed = new LinkedHashMap<>();
        JSON.readValue(rs.getString("failed"), MAP).forEach((k, v) -> failed.put(k, String.valueOf(v)));
        return new Assessment(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("outcome"),
                JSON.readValue(rs.getString("selection"), MAP), rs.getObject("flow_id", UUID.class), 0, rs.getInt("asset_count"),
                rs.getString("rules_version"), null, Map.of(), failed, rs.getInt("failed_count"), rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("completed_at")),
                rs.getObject("approved_by", UUID.class), instant(rs.getTimestamp("approved_at")));
    }

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        String override = rs.getString("override_strategy");
        String recommended = rs.getString("recommended_strategy");
        return new Decision(rs.getObject("asset_id", UUID.class), rs.getString("asset_name"), recommended, rs.getDouble("confidence"),
                rs.getString("migration_readiness"), rs.getInt("readiness_score"), rs.getInt("complexity_score"),
                rs.getDouble("effort_person_days"), override != null ? override : recommended,
                override == null ? rs.getDouble("effort_person_days") : rs.getDouble("override_effort_person_days"),
                override == null ? null : new Decision.Override(override, rs.getString("override_rationale"),
                        rs.getObject("overridden_by", UUID.class), instant(rs.getTimestamp("overridden_at"))),
                JSON.readValue(rs.getString("analysis"), AssetAnalysis.class));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
