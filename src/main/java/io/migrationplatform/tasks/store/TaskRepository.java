package io.migrationplatform.tasks.store;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.PageParams;
import io.migrationplatform.tasks.Task;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tasks} table. Every method takes the tenant scope and filters by it; the writes of a
 * running task also name the attempt, so an execution that was given up for dead (and resumed
 * elsewhere) can no longer overwrite the task.
 */
@Repository
public class TaskRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCOPE = " client_account_id = :account AND engagement_id = :engagement ";

    private final JdbcClient jdbc;

    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task whose execution just started, with the input for its handler. */
    public record Started(Task task, Map<String, Object> input) {
    }

    /** Where a running task stands. {@code errors} null leaves the stored errors as they are. */
    public record Progress(long processed, long total, Map<String, String> errors, long errorCount) {
    }

    public void insert(TenantScope scope, UUID id, String kind, Map<String, Object> input) {
        jdbc.sql("""
                        INSERT INTO tasks (id, client_account_id, engagement_id, kind, status, input, created_by)
                        VALUES (:id, :account, :engagement, :kind, 'queued', CAST(:input AS jsonb), :createdBy)""")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("kind", kind).param("input", JSON.writeValueAsString(input)).param("createdBy", scope.userId())
                .update();
    }

    public Optional<Task> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM tasks WHERE id = :id AND" + SCOPE)
                .param("id", id).params(scopeParams(scope)).query(TaskRepository::map).optional();
    }

    /** Newest first; {@code status} and {@code kind} filter when not null. */
    public List<Task> list(TenantScope scope, String status, String kind, PageParams page) {
        return jdbc.sql("SELECT * FROM tasks WHERE" + SCOPE + filters(status, kind)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(scopeParams(scope)).params(filterParams(status, kind))
                .param("limit", page.pageSize()).param("offset", page.offset())
                .query(TaskRepository::map).list();
    }

    public long count(TenantScope scope, String status, String kind) {
        return jdbc.sql("SELECT count(*) FROM tasks WHERE" + SCOPE + filters(status, kind))
                .params(scopeParams(scope)).params(filterParams(status, kind)).query(Long.class).single();
    }

    /**
     * Starts an execution: running, one more attempt, progress and errors of an earlier attempt
     * cleared. Empty when the task is finished, gone, or has used up {@code maxAttempts}.
     */
    public Optional<Started> start(TenantScope scope, UUID id, int maxAttempts) {
        return jdbc.sql("""
                        UPDATE tasks SET status = 'running', attempts = attempts + 1,
                               started_at = COALESCE(started_at, now()), updated_at = now(),
                               processed = 0, total = 0, errors = '{}'::jsonb, error_count = 0, result = NULL,
                               message = CASE WHEN attempts = 0 THEN NULL
                                         ELSE 'Resumed after an interruption (attempt ' || (attempts + 1) || ' of ' || :max || ')' END
                        WHERE id = :id AND""" + SCOPE + """
                        AND status IN ('queued', 'running') AND attempts < :max
                        RETURNING *""")
                .param("id", id).params(scopeParams(scope)).param("max", maxAttempts)
                .query((rs, n) -> new Started(map(rs, n),
                        JSON.readValue(rs.getString("input"), new TypeReference<Map<String, Object>>() { })))
                .optional();
    }

    public boolean progress(TenantScope scope, UUID id, int attempt, Progress progress) {
        return jdbc.sql("""
                        UPDATE tasks SET processed = :processed, total = :total,
                               errors = COALESCE(CAST(:errors AS jsonb), errors), error_count = :errorCount, updated_at = now()
                        WHERE id = :id AND""" + SCOPE + "AND status = 'running' AND attempts = :attempt")
                .param("id", id).params(scopeParams(scope)).param("attempt", attempt).params(progressParams(progress))
                .update() == 1;
    }

    /** False when this attempt no longer owns the task (it was resumed elsewhere meanwhile). */
    public boolean complete(TenantScope scope, UUID id, int attempt, Map<String, Object> result, Progress progress) {
        return jdbc.sql("""
                        UPDATE tasks SET status = 'completed', result = CAST(:result AS jsonb), processed = :processed,
                               total = :total, errors = COALESCE(CAST(:errors AS jsonb), errors), error_count = :errorCount,
                               message = NULL, finished_at = now(), updated_at = now()
                        WHERE id = :id AND""" + SCOPE + "AND status = 'running' AND attempts = :attempt")
                .param("id", id).params(scopeParams(scope)).param("attempt", attempt)
                .param("result", JSON.writeValueAsString(result)).params(progressParams(progress))
                .update() == 1;
    }

    /** Fails the given attempt, keeping where it got to. */
    public boolean fail(TenantScope scope, UUID id, int attempt, String message, Progress progress) {
        return jdbc.sql("""
                        UPDATE tasks SET status = 'failed', message = :message, processed = :processed, total = :total,
                               errors = COALESCE(CAST(:errors AS jsonb), errors), error_count = :errorCount,
                               finished_at = now(), updated_at = now()
                        WHERE id = :id AND""" + SCOPE + "AND status = 'running' AND attempts = :attempt")
                .param("id", id).params(scopeParams(scope)).param("attempt", attempt).param("message", message)
                .params(progressParams(progress))
                .update() == 1;
    }

    /** Fails a task that is not finished, whatever its attempt (for example when its attempts are used up). */
    public boolean failUnfinished(TenantScope scope, UUID id, String message) {
        return jdbc.sql("""
                        UPDATE tasks SET status = 'failed', message = :message, finished_at = now(), updated_at = now()
                        WHERE id = :id AND""" + SCOPE + "AND status IN ('queued', 'running')")
                .param("id", id).params(scopeParams(scope)).param("message", message)
                .update() == 1;
    }

    /** The attempt was interrupted by a server stop: queued again, to be resumed. */
    public boolean requeue(TenantScope scope, UUID id, int attempt, String message) {
        return jdbc.sql("""
                        UPDATE tasks SET status = 'queued', message = :message, updated_at = now()
                        WHERE id = :id AND""" + SCOPE + "AND status = 'running' AND attempts = :attempt")
                .param("id", id).params(scopeParams(scope)).param("attempt", attempt).param("message", message)
                .update() == 1;
    }

    private static Map<String, Object> scopeParams(TenantScope scope) {
        return Map.of("account", scope.clientAccountId(), "engagement", scope.engagementId());
    }

    private static String filters(String status, String kind) {
        return (status == null ? "" : " AND status = :status ") + (kind == null ? "" : " AND kind = :kind ");
    }

    private static Map<String, Object> filterParams(String status, String kind) {
        HashMap<String, Object> params = new HashMap<>();
        if (status != null) {
            params.put("status", status);
        }
        if (kind != null) {
            params.put("kind", kind);
        }
        return params;
    }

    private static Map<String, Object> progressParams(Progress progress) {
        HashMap<String, Object> params = new HashMap<>();
        params.put("processed", progress.processed());
        params.put("total", progress.total());
        params.put("errors", progress.errors() == null ? null : JSON.writeValueAsString(progress.errors()));
        params.put("errorCount", progress.errorCount());
        return params;
    }

    private static Task map(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        long processed = rs.getLong("processed");
        long total = rs.getLong("total");
        double progress = Task.COMPLETED.equals(status) ? 1.0 : total > 0 ? Math.min(1.0, (double) processed / total) : 0.0;
        String result = rs.getString("result");
        return new Task(rs.getObject("id", UUID.class), rs.getString("kind"), status, progress, processed, total,
                result == null ? null : JSON.readValue(result, new TypeReference<Map<String, Object>>() { }),
                JSON.readValue(rs.getString("errors"), new TypeReference<Map<String, String>>() { }),
                rs.getLong("error_count"), rs.getString("message"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getObject("created_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
