package io.migrationplatform.assessments;

import io.migrationplatform.analysis.AnalysisService;
import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.assessments.store.AssessmentRepository;
import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.tasks.TaskContext;
import io.migrationplatform.tasks.TaskHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an assessment: reads the selected assets, analyses them in chunks (one dependency-graph read
 * per chunk, no per-asset query) and stores a decision per asset. Idempotent: a re-run after a
 * crash upserts the same decisions and keeps any override already made.
 */
@Component
class AssessmentTask implements TaskHandler {

    static final String KIND = "assessment.run";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssessmentTask.class);
    private static final int CHUNK = 2_000;

    private final AssessmentRepository repository;
    private final AssetService assets;
    private final AnalysisService analysis;
    private final TransactionTemplate transactions;

    AssessmentTask(AssessmentRepository repository, AssetService assets, AnalysisService analysis, TransactionTemplate transactions) {
        this.repository = repository;
        this.assets = assets;
        this.analysis = analysis;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(TaskContext context) {
        TenantScope scope = context.scope();
        UUID id = UUID.fromString(String.valueOf(context.input().get("assessment_id")));
        Assessment assessment = repository.find(scope, id).orElseThrow(() -> new NotFoundException("Assessment"));
        if (Assessment.APPROVED.equals(assessment.status())) {
            return Map.of("assessment_id", id.toString(), "assessed", assessment.assetCount()); // approved: frozen, never re-run
        }
        repository.markRunning(scope, id);
        try {
            long started = System.nanoTime();
            List<Asset> selected = select(scope, assessment, context);
            long read = System.nanoTime();
            List<UUID> ids = selected.stream().map(Asset::id).toList();
            repository.deleteDecisionsExcept(scope, id, ids);
            // A first run writes with COPY; a re-run after an interruption upserts, keeping overrides.
            boolean rerun = repository.hasDecisions(scope, id);
            var connectivity = analysis.connectivity(scope);
            for (int from = 0; from < selected.size(); from += CHUNK) {
                List<Asset> chunk = selected.subList(from, Math.min(selected.size(), from + CHUNK));
                transactions.executeWithoutResult(status -> {
                    List<AssetAnalysis> analyses = analysis.analyzeAll(scope, chunk, false, connectivity);
                    if (rerun) {
                        repository.upsertDecisions(scope, id, analyses);
                    } else {
                        repository.insertDecisions(scope, id, analyses);
                    }
                });
                context.progress(from + chunk.size(), selected.size());
            }
            repository.markCompleted(scope, id, selected.size(), analysis.rulesVersion());
            log.info("Assessment {}: {} assets read in {} ms, analysed and stored in {} ms", id, selected.size(),
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("assessment_id", id.toString());
            result.put("assessed", selected.size());
            return result;
        } catch (RuntimeException e) {
            repository.markFailed(scope, id, "The assessment could not be completed (task " + context.taskId() + ")");
            throw e;
        }
    }

    /** The assets asked for, in the order asked; ids that are malformed or not in the scope become item errors. */
    private List<Asset> select(TenantScope scope, Assessment assessment, TaskContext context) {
        Object ids = assessment.selection().get("asset_ids");
        if (!(ids instanceof List<?> raw)) {
            Object filters = assessment.selection().get("filters");
            return assets.all(scope, AssessmentService.filtersFromMap(filters instanceof Map<?, ?> map ? map : Map.of()));
        }
        Set<UUID> wanted = new LinkedHashSet<>();
        for (Object value : raw) {
            try {
                wanted.add(UUID.fromString(String.valueOf(value).trim()));
            } catch (IllegalArgumentException e) {
                context.error(String.valueOf(value), "Not a valid asset id");
            }
        }
        Map<UUID, Asset> found = new HashMap<>();
        List<UUID> all = new ArrayList<>(wanted);
        for (int from = 0; from < all.size(); from += CHUNK) {
            assets.getAll(scope, all.subList(from, Math.min(all.size(), from + CHUNK))).forEach(a -> found.put(a.id(), a));
        }
        List<Asset> selected = new ArrayList<>(found.size());
        for (UUID id : wanted) {
            Asset asset = found.get(id);
            if (asset == null) {
                context.error(id.toString(), "Asset not found");
            } else {
                selected.add(asset);
            }
        }
        return selected;
    }
}
