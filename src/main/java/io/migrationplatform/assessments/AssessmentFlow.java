package io.migrationplatform.assessments;

import io.migrationplatform.analysis.AnalysisService;
import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.assessments.store.AssessmentRepository;
import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.flows.FlowContext;
import io.migrationplatform.flows.FlowHandler;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An assessment as a flow: asset_selection (the ids or filters resolved; unknown ids recorded),
 * analysis (the engine over the assets in chunks, one dependency-graph read, a checkpoint per
 * chunk), summary (the assessment marked complete). Idempotent: a re-run after a crash, a resume
 * or a retry upserts the same decisions and keeps any override already made.
 */
@Component
class AssessmentFlow implements FlowHandler {

    static final String TYPE = "assessment";
    private static final Logger log = LoggerFactory.getLogger(AssessmentFlow.class);
    private static final int CHUNK = 2_000;
    /** Failed ids kept with their reason; beyond this they are only counted. */
    private static final int MAX_FAILED_KEPT = 1_000;

    private final AssessmentRepository repository;
    private final AssetService assets;
    private final AnalysisService analysis;
    private final TransactionTemplate transactions;

    AssessmentFlow(AssessmentRepository repository, AssetService assets, AnalysisService analysis, TransactionTemplate transactions) {
        this.repository = repository;
        this.assets = assets;
        this.analysis = analysis;
        this.transactions = transactions;
    }

    @Override
    public String flowType() {
        return TYPE;
    }

    @Override
    public List<String> phases() {
        return List.of("asset_selection", "analysis", "summary");
    }

    /** POST /flows with flow_type assessment: the same checks as POST /assessments; creates the assessment. */
    @Override
    public Map<String, Object> prepare(TenantScope scope, String name, Map<String, Object> configuration) {
        for (String key : configuration.keySet()) {
            if (!key.equals("asset_ids") && !key.equals("filters")) {
                throw new io.migrationplatform.platform.error.ValidationException(List.of(new io.migrationplatform.platform.error.FieldError(
                        "configuration." + key, "Unknown field; an assessment flow takes asset_ids or filters", "extra_forbidden")));
            }
        }
        AssessmentService.Selection selection = AssessmentService.selectionOf(configuration);
        UUID id = AssessmentService.create(repository, scope, name, selection);
        return Map.of("assessment_id", id.toString());
    }

    @Override
    public void created(TenantScope scope, io.migrationplatform.flows.Flow flow) {
        repository.setFlow(scope, UUID.fromString(String.valueOf(flow.configuration().get("assessment_id"))), flow.id());
    }

    @Override
    public void finished(TenantScope scope, io.migrationplatform.flows.Flow flow) {
        repository.recordOutcome(scope, UUID.fromString(String.valueOf(flow.configuration().get("assessment_id"))), flow.status().json());
    }

    @Override
    public Map<String, Object> run(FlowContext context) {
        TenantScope scope = context.scope();
        UUID id = UUID.fromString(String.valueOf(context.configuration().get("assessment_id")));
        Assessment assessment = repository.find(scope, id).orElseThrow(() -> new NotFoundException("Assessment"));
        if (assessment.approvedAt() != null) {
            return Map.of("assessment_id", id.toString(), "assessed", assessment.assetCount()); // approved: frozen, never re-run
        }
        if (assessment.flowId() == null || !assessment.flowId().equals(context.flowId())) {
            repository.setFlow(scope, id, context.flowId());
        }
        repository.recordOutcome(scope, id, null); // running anew (a retry, a resume after a restart)
        long started = System.nanoTime();
        context.phase("asset_selection");
        Map<String, String> failed = new LinkedHashMap<>();
        int[] failedCount = new int[1];
        List<Asset> selected = select(scope, assessment, (key, reason) -> {
            failedCount[0]++;
            if (failed.size() < MAX_FAILED_KEPT) {
                failed.put(key.length() > 100 ? key.substring(0, 100) + "…" : key, reason);
            }
        });
        repository.setFailed(scope, id, failed, failedCount[0]);
        context.counts(Map.of("selected", selected.size(), "not_assessed", failedCount[0]));
        long read = System.nanoTime();

        context.phase("analysis");
        repository.deleteDecisionsExcept(scope, id, selected.stream().map(Asset::id).toList());
        // A first run writes with COPY; a re-run (crash, resume, retry) upserts, keeping overrides.
        boolean rerun = repository.hasDecisions(scope, id);
        var connectivity = analysis.connectivity(scope);
        int done = 0;
        for (int from = 0; from < selected.size(); from += CHUNK) {
            context.checkpoint();
            List<Asset> chunk = selected.subList(from, Math.min(selected.size(), from + CHUNK));
            boolean upsert = rerun;
            transactions.executeWithoutResult(status -> {
                List<AssetAnalysis> analyses = analysis.analyzeAll(scope, chunk, false, connectivity);
                if (upsert) {
                    repository.upsertDecisions(scope, id, analyses);
                } else {
                    repository.insertDecisions(scope, id, analyses);
                }
            });
            done += chunk.size();
            context.progress(selected.isEmpty() ? 100 : done * 100 / selected.size());
            context.counts(Map.of("analysed", done));
        }

        context.phase("summary");
        repository.markCompleted(scope, id, selected.size(), analysis.rulesVersion());
        log.info("Assessment {}: {} assets read in {} ms, analysed and stored in {} ms", id, selected.size(),
                (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("assessment_id", id.toString());
        result.put("assessed", selected.size());
        result.put("not_assessed", failedCount[0]);
        return result;
    }

    /** The assets asked for, in the order asked; ids that are malformed or not in the scope are recorded with the reason. */
    private List<Asset> select(TenantScope scope, Assessment assessment, java.util.function.BiConsumer<String, String> failed) {
        Object ids = assessment.selection().get("asset_ids");
        if (!(ids instanceof List<?> raw)) {
            Object filters = assessment.selection().get("filters");
            return assets.all(scope, io.migrationplatform.assets.AssetFilter.fromMap(filters instanceof Map<?, ?> map ? map : Map.of()));
        }
        Set<UUID> wanted = new LinkedHashSet<>();
        for (Object value : raw) {
            try {
                wanted.add(UUID.fromString(String.valueOf(value).trim()));
            } catch (IllegalArgumentException e) {
                failed.accept(String.valueOf(value), "Not a valid asset id");
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
                failed.accept(id.toString(), "Asset not found");
            } else {
                selected.add(asset);
            }
        }
        return selected;
    }

}
