package io.migrationplatform.flows.store;

import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowPhase;
import io.migrationplatform.flows.FlowStatus;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Flow rows. Every method but the engine's recovery sweep is scoped by tenant; only the flow engine calls the writes. */
@Repository
public class FlowRepository {

    private static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final TypeReference<List<FlowPhase>> PHASES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String SCOPED = "id = :id AND client_account_id = :account AND engagement_id = :engagement";

    private final JdbcClient jdbc;

    FlowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Flow flow) {
        jdbc.sql("""
                        INSERT INTO flows (id, client_account_id, engagement_id, flow_type, name, status, phases, current_phase, progress,
                            configuration, created_by, created_at, updated_at)
                        VALUES (:id, :account, :engagement, :type, :name, :status, CAST(:phases AS jsonb), NULL, 0,
                            CAST(:configuration AS jsonb), :createdBy, :createdAt, :createdAt)""")
                .param("id", flow.id()).param("account", flow.clientAccountId()).param("engagement", flow.engagementId())
                .param("type", flow.flowType()).param("name", flow.name()).param("status", flow.status().json())
                .param("phases", JSON.writeValueAsString(flow.phases())).param("configuration", JSON.writeValueAsString(flow.configuration()))
                .param("createdBy", flow.createdBy()).param("createdAt", Timestamp.from(flow.createdAt()))
                .update();
    }

    public Optional<Flow> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM flows WHERE " + SCOPED).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query(FlowRepository::map).optional();
    }

    /** The row locked until the transaction ends: every change of a flow goes through this lock. */
    public Optional<Flow> findForUpdate(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM flows WHERE " + SCOPED + " FOR UPDATE").param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query(FlowRepository::map).optional();
    }

    /** Only the status, without a lock: what a checkpoint needs. */
    public Optional<FlowStatus> status(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT status FROM flows WHERE " + SCOPED).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query((rs, row) -> FlowStatus.of(rs.getString(1))).optional();
    }

    public void update(Flow flow) {
        jdbc.sql("""
                        UPDATE flows SET status = :status, phases = CAST(:phases AS jsonb), current_phase = :phase, progress = :progress,
                            result = CAST(:result AS jsonb), error = :error, task_id = :task, updated_at = now(),
                            started_at = :startedAt, finished_at = :finishedAt, configuration = CAST(:configuration AS jsonb)
                        WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement""")
                .param("status", flow.status().json()).param("phases", JSON.writeValueAsString(flow.phases()))
                .param("phase", flow.currentPhase()).param("progress", flow.progress())
                .param("result", flow.result() == null ? null : JSON.writeValueAsString(flow.result())).param("error", flow.error())
                .param("task", flow.taskId()).param("startedAt", ts(flow.startedAt())).param("finishedAt", ts(flow.finishedAt()))
                .param("configuration", JSON.writeValueAsString(flow.configuration()))
                .param("id", flow.id()).param("account", flow.clientAccountId()).param("engagement", flow.engagementId())
                .update();
    }

    public boolean delete(TenantScope scope, UUID id) {
        return jdbc.sql("DELETE FROM flows WHERE " + SCOPED).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).update() == 1;
    }

    public List<Flow> list(TenantScope scope, String flowType, String status, PageParams page) {
        return jdbc.sql("SELECT * FROM flows WHERE " + filter(flowType, status) + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("type", flowType).param("status", status).param("limit", page.pageSize()).param("offset", page.offset())
                .query(FlowRepository::map).list();
    }

    public long count(TenantScope scope, String flowType, String status) {
        return jdbc.sql("SELECT count(*) FROM flows WHERE " + filter(flowType, status))
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("type", flowType).param("status", status).query(Long.class).single();
    }

    /** Flows a worker should own (pending or running), across tenants: for the engine's recovery sweep only. */
    public List<Flow> active() {
        return jdbc.sql("SELECT * FROM flows WHERE status IN ('pending', 'running') ORDER BY created_at LIMIT 1000")
                .query(FlowRepository::map).list();
    }

    private static String filter(String flowType, String status) {
        return "client_account_id = :account AND engagement_id = :engagement" + (flowType == null ? "" : " AND flow_type = :type")
                + (status == null ? "" : " AND status = :status");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Flow map(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new Flow(rs.getObject("id", UUID.class), rs.getString("flow_type"), rs.getString("name"), FlowStatus.of(rs.getString("status")),
                JSON.readValue(rs.getString("phases"), PHASES), rs.getString("current_phase"), rs.getInt("progress"),
                JSON.readValue(rs.getString("configuration"), MAP), result == null ? null : JSON.readValue(result, MAP),
                rs.getString("error"), rs.getObject("task_id", UUID.class), rs.getObject("client_account_id", UUID.class),
                rs.getObject("engagement_id", UUID.class), rs.getObject("created_by", UUID.class), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }
}
