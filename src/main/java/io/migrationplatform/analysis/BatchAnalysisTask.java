package io.migrationplatform.analysis;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskContext;
import io.migrationplatform.tasks.TaskHandler;
import io.migrationplatform.tasks.TaskService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's {@code async_processing} batch as a durable task: its id leads to
 * {@code GET /api/v1/tasks/{task_id}} with progress, the analyses as {@code result.results} and the
 * ids that failed (also as the task's per-item {@code errors}). Idempotent: a re-run replaces the
 * stored analyses with identical ones.
 */
@Component
public class BatchAnalysisTask implements TaskHandler {

    public static final String KIND = "analysis.batch";
    /** Task results are stored as plain JSON; the analyses go in with the API's snake_case names. */
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final int CHUNK = 10;

    private final AnalysisService analysis;
    private final TaskService tasks;

    BatchAnalysisTask(AnalysisService analysis, TaskService tasks) {
        this.analysis = analysis;
        this.tasks = tasks;
    }

    /** Queues the batch; answers with the seed's 202 body. */
    public Map<String, Object> submit(TenantScope scope, List<String> assetIds) {
        Task task = tasks.submit(scope, KIND, Map.of("asset_ids", List.copyOf(assetIds)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", task.id());
        body.put("status", "processing");
        body.put("message", "Analysis started in background; follow it at /api/v1/tasks/" + task.id());
        return body;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(TaskContext context) {
        List<String> ids = new ArrayList<>();
        if (context.input().get("asset_ids") instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            AnalysisService.BatchOutcome outcome = analysis.analyzeBatch(context.scope(), ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            outcome.results().forEach((id, analysis) -> results.put(id, SNAKE_CASE.convertValue(analysis, MAP)));
            outcome.failed().forEach((id, reason) -> {
                failed.put(id, reason);
                context.error(id, reason);
            });
            context.progress(Math.min(ids.size(), from + CHUNK), ids.size());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "completed");
        result.put("results", results);
        result.put("analyzed_count", results.size());
        result.put("failed", failed);
        return result;
    }
}
