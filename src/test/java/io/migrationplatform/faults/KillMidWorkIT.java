package io.migrationplatform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service killed with SIGKILL in the middle of an import, an assessment and a wave plan, each time
 * started again on the same database: every piece of work finishes (taken over once the killed instance's
 * heartbeats stop), and the database never holds half of one — no duplicate assets, edges, decisions or
 * planned assets, and nothing missing.
 */
class KillMidWorkIT {

    private static final int ROWS = 20_000;
    private static final Duration FINISH = Duration.ofSeconds(180);

    /** The distinct dependencies between different rows of the generated file. */
    private static int edges;

    @Test
    void importAssessmentAndPlanSurviveAKillEach() throws Exception {
        try (DisposablePostgres postgres = DisposablePostgres.start(); Connection sql = postgres.connect()) {
            // 1. An import, killed while it writes assets or edges.
            String importId;
            String importFlow;
            String assessmentFlow;
            String planFlow;
            try (ServiceProcess first = ServiceProcess.start("kill-import", postgres.jdbcUrl(), Map.of())) {
                ApiClient admin = first.admin();
                importId = admin.upload("/api/v1/discovery/imports", "file", "estate.csv", estate()).json().get("id").asString();
                String id = importId;
                importFlow = killWhileWriting(first, postgres, sql, "asset_dependencies",
                        () -> admin.post("/api/v1/discovery/imports/" + id + "/execute", null).json().get("flow_id").asString());
            }
            long assetsAtKill = count(sql, "SELECT count(*) FROM assets");
            assertThat(assetsAtKill).as("the inventory phase commits all its assets or none").isIn(0L, (long) ROWS);
            assertThat(count(sql, "SELECT count(*) FROM asset_dependencies")).as("edges are written after the assets, all at once")
                    .isIn(0L, (long) edges);

            // 2. Started again: the import finishes; then an assessment, killed while it runs.
            String assessmentId;
            try (ServiceProcess second = ServiceProcess.start("kill-assessment", postgres.jdbcUrl(), Map.of())) {
                ApiClient admin = second.admin();
                JsonNode imported = await(admin, "/api/v1/discovery/imports/" + importId);
                assertThat(imported.get("status").asString()).as(imported.toString()).isEqualTo("completed");
                assertInventoryIsWhole(sql);
                assertThat(executions(sql, importFlow)).as("the import was interrupted and run again").isEqualTo(2);

                JsonNode[] started = new JsonNode[1];
                assessmentFlow = killWhileWriting(second, postgres, sql, "assessment_decisions", () -> {
                    started[0] = admin.post("/api/v1/assessments", Map.of("name", "killed", "filters", Map.of())).json();
                    return started[0].get("flow_id").asString();
                });
                assessmentId = started[0].get("id").asString();
            }

            // 3. Started again: the assessment finishes; then a wave plan, killed while it is planned or stored.
            String planId;
            try (ServiceProcess third = ServiceProcess.start("kill-plan", postgres.jdbcUrl(), Map.of())) {
                ApiClient admin = third.admin();
                JsonNode assessed = await(admin, "/api/v1/assessments/" + assessmentId);
                assertThat(assessed.get("status").asString()).as(assessed.toString()).isEqualTo("completed");
                assertThat(assessed.get("asset_count").asInt()).isEqualTo(ROWS);
                assertThat(count(sql, "SELECT count(*) FROM assessment_decisions WHERE assessment_id = '" + assessmentId + "'"))
                        .as("one decision per asset").isEqualTo(ROWS);

                assertThat(executions(sql, assessmentFlow)).as("the assessment was interrupted and run again").isEqualTo(2);

                JsonNode[] started = new JsonNode[1];
                planFlow = killWhileWriting(third, postgres, sql, "wave_plan_assets", () -> {
                    started[0] = admin.post("/api/v1/waves/plan", Map.of("name", "killed", "max_assets_per_wave", 500)).json();
                    return started[0].get("flow_id").asString();
                });
                planId = started[0].get("id").asString();
            }

            // 4. Started again: the plan finishes, each asset in exactly one wave.
            try (ServiceProcess fourth = ServiceProcess.start("kill-after", postgres.jdbcUrl(), Map.of())) {
                ApiClient admin = fourth.admin();
                JsonNode plan = await(admin, "/api/v1/waves/" + planId);
                assertThat(plan.get("status").asString()).as(plan.path("message").asString("")).isEqualTo("completed");
                int planned = plan.at("/summary/planned_assets").asInt();
                assertThat(planned + plan.at("/summary/excluded_assets").asInt()).isEqualTo(ROWS);
                assertThat(count(sql, "SELECT count(*) FROM wave_plan_assets WHERE plan_id = '" + planId + "'")).isEqualTo(planned);
                assertThat(count(sql, "SELECT count(DISTINCT asset_id) FROM wave_plan_assets WHERE plan_id = '" + planId + "'"))
                        .isEqualTo(planned);
                assertThat(count(sql, "SELECT count(*) FROM wave_plans")).as("no second plan from a retried request").isEqualTo(1);
                assertThat(executions(sql, planFlow)).as("the plan was interrupted and run again").isEqualTo(2);
                assertInventoryIsWhole(sql);
            }
        }
    }

    /** Every row became exactly one asset, every dependency cell one edge each. */
    private static void assertInventoryIsWhole(Connection sql) throws SQLException {
        assertThat(count(sql, "SELECT count(*) FROM assets")).isEqualTo(ROWS);
        assertThat(count(sql, "SELECT count(DISTINCT external_id) FROM assets")).isEqualTo(ROWS);
        assertThat(count(sql, "SELECT count(*) FROM asset_dependencies")).isEqualTo(edges);
        assertThat(count(sql, "SELECT count(*) FROM asset_audit_log WHERE action <> 'dependency_add'")).as("one creation entry each").isEqualTo(ROWS);
    }

    /**
     * Starts work and kills the service while it writes {@code table}, deterministically: the test holds an exclusive
     * lock on the table (reads still pass, writes wait), starts the work, waits until the service's writer is seen
     * waiting for that lock, kills the service, then lets go. Answers what {@code start} answered (the flow id).
     */
    private static String killWhileWriting(ServiceProcess service, DisposablePostgres postgres, Connection sql, String table,
                                           Supplier<String> start) throws SQLException {
        try (Connection locker = postgres.connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
            }
            String flowId = start.get();
            Polling.until(() -> {
                try {
                    return count(sql, "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '" + table + "'::regclass");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, waiting -> waiting > 0, Duration.ofSeconds(90), "the service writing " + table);
            service.kill();
            locker.rollback();
            return flowId;
        }
    }

    /** How many executions the flow's task started: 2 when it was killed running and taken over once. */
    private static long executions(Connection sql, String flowId) throws SQLException {
        return count(sql, "SELECT t.attempts FROM tasks t JOIN flows f ON f.task_id = t.id WHERE f.id = '" + flowId + "'");
    }

    private static JsonNode await(ApiClient admin, String path) {
        return Polling.until(() -> admin.get(path).json(),
                json -> List.of("completed", "failed", "cancelled").contains(json.get("status").asString()), FINISH, path);
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A CMDB export of {@link #ROWS} servers, each depending on up to three others by id. */
    private static byte[] estate() {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("asset_id,asset_name,asset_type,ip_address,os,environment,dependencies\n");
        String[] os = {"Windows Server 2012 R2", "RHEL 7.9", "Ubuntu 20.04 LTS", "Windows Server 2019"};
        String[] env = {"Production", "Development", "QA", "Staging"};
        Set<Long> distinct = new java.util.HashSet<>();
        for (int i = 1; i <= ROWS; i++) {
            StringBuilder deps = new StringBuilder();
            for (int d = random.nextInt(4); d > 0; d--) {
                int target = 1 + random.nextInt(ROWS);
                if (target != i) {
                    distinct.add((long) i * (ROWS + 1) + target);
                }
                deps.append(deps.length() == 0 ? "" : ",").append(String.format("A%07d", target));
            }
            csv.append(String.format("A%07d,host-%07d,Server,10.%d.%d.%d,%s,%s,\"%s\"%n", i, i, i / 65536 % 256, i / 256 % 256, i % 256,
                    os[i % os.length], env[i % env.length], deps));
        }
        edges = distinct.size();
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
