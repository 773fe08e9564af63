package io.migrationplatform.discovery;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.discovery.cleansing.RowConverter;
import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs an import in the background, phase by phase: data_validation → field_mapping →
 * data_cleansing → asset_inventory → dependency_mapping. Progress and every phase's counts are
 * stored on the import; a bad row never stops the import. Assets are written in one transaction
 * (a crash leaves nothing half-imported) and matched against the inventory, so running an import
 * again creates no duplicates. An execution whose instance died is marked failed, never left running.
 */
@Service
public class ImportExecutor {

    public static final List<String> PHASES = List.of("data_validation", "field_mapping", "data_cleansing", "asset_inventory",
            "dependency_mapping");
    private static final Logger log = LoggerFactory.getLogger(ImportExecutor.class);

    private final ImportService imports;
    private final ImportRepository repository;
    private final ImportPhases phases;
    private final AsyncTaskExecutor executor;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    ImportExecutor(ImportService imports, ImportRepository repository, ImportPhases phases,
                   @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        this.imports = imports;
        this.repository = repository;
        this.phases = phases;
        this.executor = executor;
    }

    /** Starts the execution; answers at once with its flow id. */
    public Map<String, Object> execute(TenantScope scope, UUID importId, AuditContext context) {
        ImportRecord record = imports.get(scope, importId);
        UUID flowId = UUID.randomUUID();
        if (!repository.claim(importId, flowId)) {
            throw new ApiException(HttpStatus.CONFLICT, "The import is already running",
                    Map.of("status", record.status(), "flow_id", String.valueOf(record.flowId())));
        }
        AuditContext importContext = new AuditContext(context.actorId(), context.actorEmail(), "import:" + importId,
                context.requestId());
        executor.execute(() -> run(scope, record, importContext));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("flow_id", flowId);
        answer.put("import_id", importId);
        answer.put("status", "running");
        answer.put("phases", PHASES);
        return answer;
    }

    private void run(TenantScope scope, ImportRecord record, AuditContext context) {
        UUID id = record.id();
        MDC.put("request_id", context.requestId());
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> safeHeartbeat(id), 20, 20, TimeUnit.SECONDS);
        List<Map<String, Object>> progress = new ArrayList<>();
        try {
            repository.clearRun(id);
            ImportRun run = new ImportRun(scope, record, context);
            for (String phase : PHASES) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", phase);
                entry.put("status", "running");
                entry.put("started_at", Instant.now().toString());
                progress.add(entry);
                repository.progress(id, phase, progress);
                Map<String, Object> counts = phases.run(phase, run);
                entry.put("status", "completed");
                entry.put("finished_at", Instant.now().toString());
                entry.put("counts", counts);
                repository.progress(id, phase, progress);
            }
            repository.finish(id, "completed", run.result(), null);
            log.info("Import {} completed: {}", id, run.result());
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            if (!progress.isEmpty()) {
                progress.get(progress.size() - 1).put("status", "failed");
                repository.progress(id, String.valueOf(progress.get(progress.size() - 1).get("name")), progress);
            }
            repository.finish(id, "failed", null, "The import failed unexpectedly; nothing of the failed phase was kept. "
                    + "Execute it again; the log has the details (request id " + context.requestId() + ")");
        } finally {
            heartbeat.cancel(false);
            MDC.remove("request_id");
        }
    }

    private void safeHeartbeat(UUID id) {
        try {
            repository.heartbeat(id);
        } catch (RuntimeException e) {
            log.warn("Import {} heartbeat failed: {}", id, e.getMessage());
        }
    }

    /** Executions left "running" by an instance that died are failed visibly (checked every minute). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 5_000)
    void failAbandoned() {
        int failed = repository.failStale("Interrupted: the server stopped during the import. Nothing half-imported was kept; "
                + "execute it again.");
        if (failed > 0) {
            log.warn("{} interrupted import(s) marked failed", failed);
        }
    }

    /** State shared by the phases of one execution. */
    static final class ImportRun {
        final TenantScope scope;
        final ImportRecord record;
        final AuditContext context;
        final RowConverter converter;
        final List<ImportRow> rows = new ArrayList<>();
        final Map<String, Object> result = new LinkedHashMap<>();

        ImportRun(TenantScope scope, ImportRecord record, AuditContext context) {
            this.scope = scope;
            this.record = record;
            this.context = context;
            this.converter = new RowConverter(record.columns(), record.mappings());
        }

        Map<String, Object> result() {
            return result;
        }
    }
}
