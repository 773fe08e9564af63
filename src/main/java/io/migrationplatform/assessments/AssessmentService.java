package io.migrationplatform.assessments;

import io.migrationplatform.analysis.AnalysisEngineFacts;
import io.migrationplatform.analysis.AnalysisService;
import io.migrationplatform.assessments.store.AssessmentRepository;
import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetVocabulary;
import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ConflictException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments: start one over asset ids or the asset list's filters (it runs as a durable task),
 * read its summary and per-asset decisions, override a decision, approve the final strategies.
 */
@Service
public class AssessmentService {

    public static final int MAX_ASSET_IDS = 100_000;
    public static final int MAX_RATIONALE = 4_000;

    /** What to assess: exactly one of asset ids or filters. */
    public record Selection(List<String> assetIds, AssetFilter filters) {
    }

    /**
     * What approval did: assets whose strategy changed, already had it, or were deleted since; and
     * the assets that changed since they were assessed (their decision may be out of date).
     */
    public record Approval(Assessment assessment, int changed, int unchanged, List<UUID> missing, List<UUID> changedSinceAssessed) {
    }

    private final AssessmentRepository repository;
    private final FlowService flows;
    private final AssetService assets;
    private final AnalysisService analysis;

    AssessmentService(AssessmentRepository repository, FlowService flows, AssetService assets, AnalysisService analysis) {
        this.repository = repository;
        this.flows = flows;
        this.assets = assets;
        this.analysis = analysis;
    }

    /** Records the assessment and starts its flow, in one transaction. */
    @Transactional
    public Assessment start(TenantScope scope, String name, Selection selection) {
        UUID id = create(repository, scope, name, selection);
        flows.startPrepared(scope, AssessmentFlow.TYPE, name.strip(), Map.of("assessment_id", id.toString()));
        return get(scope, id);
    }

    /** Validates and records an assessment (not yet started); for POST /assessments and POST /flows alike. */
    static UUID create(AssessmentRepository repository, TenantScope scope, String name, Selection selection) {
        String cleanName = validate(name, selection);
        UUID id = UUID.randomUUID();
        Map<String, Object> stored = new LinkedHashMap<>();
        if (selection.assetIds() != null) {
            stored.put("asset_ids", selection.assetIds());
        } else {
            stored.put("filters", selection.filters().toMap());
        }
        repository.insert(scope, id, cleanName, stored);
        return id;
    }

    /** A flow configuration's selection: {@code asset_ids} (a list) or {@code filters} (an object). */
    static Selection selectionOf(Map<String, Object> configuration) {
        Object ids = configuration.get("asset_ids");
        Object filters = configuration.get("filters");
        List<String> assetIds = null;
        if (ids instanceof List<?> list) {
            assetIds = list.stream().map(String::valueOf).toList();
        } else if (ids != null) {
            throw new ValidationException(List.of(new FieldError("configuration.asset_ids", "Must be a list of asset ids", "type_error")));
        }
        if (filters != null && !(filters instanceof Map<?, ?>)) {
            throw new ValidationException(List.of(new FieldError("configuration.filters", "Must be an object", "type_error")));
        }
        return new Selection(assetIds, filters == null ? null : AssetFilter.fromMap((Map<?, ?>) filters).checked("configuration.filters"));
    }

    /**
     * The assessment with its live state: progress and failure come from its task, so an
     * assessment whose task gave up reads as failed even if the run never got to say so.
     */
    @Transactional(readOnly = true)
    public Assessment get(TenantScope scope, UUID id) {
        Assessment row = repository.find(scope, id).orElseThrow(() -> new NotFoundException("Assessment"));
        return withLiveState(scope, row, true);
    }

    @Transactional(readOnly = true)
    public List<Assessment> list(TenantScope scope, PageParams page) {
        List<Assessment> rows = repository.list(scope, page);
        List<Assessment> result = new ArrayList<>(rows.size());
        rows.forEach(row -> result.add(withLiveState(scope, row, false)));
        return result;
    }

    public long count(TenantScope scope) {
        return repository.count(scope);
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(TenantScope scope, UUID id, String strategy, String readiness, PageParams page) {
        repository.find(scope, id).orElseThrow(() -> new NotFoundException("Assessment"));
        return repository.decisions(scope, id, vocabulary("strategy", strategy, AssetVocabulary.STRATEGIES),
                vocabulary("readiness", readiness, List.of("high", "medium", "low", "unknown")), page);
    }

    /** Decisions per page of {@link #forEachDecision}. */
    public static final int EXPORT_PAGE = 1000;

    /**
     * Every decision of the assessment, by asset name, handed to {@code consumer} one at a time while read in keyset
     * pages of {@value #EXPORT_PAGE}, in one repeatable-read snapshot. 404 for an assessment of another scope.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public void forEachDecision(TenantScope scope, UUID id, java.util.function.Consumer<DecisionExportRow> consumer) {
        repository.find(scope, id).orElseThrow(() -> new NotFoundException("Assessment"));
        DecisionExportRow last = null;
        while (true) {
            List<DecisionExportRow> page = repository.exportPage(scope, id, last, EXPORT_PAGE);
            page.forEach(consumer);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    /** The total for the same filters as {@link #decisions} (blank filters mean "any" in both). */
    public long countDecisions(TenantScope scope, UUID id, String strategy, String readiness) {
        return repository.countDecisions(scope, id, vocabulary("strategy", strategy, AssetVocabulary.STRATEGIES),
                vocabulary("readiness", readiness, List.of("high", "medium", "low", "unknown")));
    }

    /** A reviewer's strategy for one asset, kept beside the engine's; allowed until the assessment is approved. */
    @Transactional
    public Decision override(TenantScope scope, UUID id, UUID assetId, String strategy, String rationale) {
        List<FieldError> errors = new ArrayList<>();
        String cleanStrategy = strategy == null ? null : strategy.trim().toLowerCase(java.util.Locale.ROOT);
        if (cleanStrategy == null || cleanStrategy.isEmpty()) {
            errors.add(new FieldError("strategy", "Field required", "missing"));
        } else if (!AssetVocabulary.STRATEGIES.contains(cleanStrategy)) {
            errors.add(new FieldError("strategy", "Must be one of: " + String.join(", ", AssetVocabulary.STRATEGIES), "enum"));
        }
        String cleanRationale = rationale == null ? "" : rationale.strip();
        if (cleanRationale.isEmpty()) {
            errors.add(new FieldError("rationale", "Say why the engine's strategy is overridden", "missing"));
        } else if (cleanRationale.length() > MAX_RATIONALE) {
            errors.add(new FieldError("rationale", "At most " + MAX_RATIONALE + " characters", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Assessment assessment = withLiveState(scope, repository.findForUpdate(scope, id)
                .orElseThrow(() -> new NotFoundException("Assessment")), false);
        requireStatus(assessment, Assessment.COMPLETED, "overridden");
        Decision current = repository.decision(scope, id, assetId).orElseThrow(() -> new NotFoundException("Decision"));
        double effort = analysis.effort(current.analysis(), cleanStrategy).personDays();
        return repository.override(scope, id, assetId, cleanStrategy, cleanRationale, effort)
                .orElseThrow(() -> new NotFoundException("Decision"));
    }

    /** Removes a reviewer's override; the engine's strategy is final again. Allowed until approval. */
    @Transactional
    public Decision clearOverride(TenantScope scope, UUID id, UUID assetId) {
        Assessment assessment = withLiveState(scope, repository.findForUpdate(scope, id)
                .orElseThrow(() -> new NotFoundException("Assessment")), false);
        requireStatus(assessment, Assessment.COMPLETED, "changed");
        return repository.clearOverride(scope, id, assetId).orElseThrow(() -> new NotFoundException("Decision"));
    }

    /** Writes every final strategy to its asset's six_r_strategy (audited as "assessment_approve"), once. */
    @Transactional
    public Approval approve(TenantScope scope, UUID id, AuditContext context) {
        Assessment assessment = withLiveState(scope, repository.findForUpdate(scope, id)
                .orElseThrow(() -> new NotFoundException("Assessment")), false);
        requireStatus(assessment, Assessment.COMPLETED, "approved");
        Map<UUID, String> fingerprints = repository.fingerprints(scope, id);
        if (fingerprints.isEmpty()) {
            throw new ConflictException("The assessment has no decisions to approve");
        }
        List<UUID> changedSince = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(fingerprints.keySet());
        for (int from = 0; from < ids.size(); from += 2_000) {
            for (io.migrationplatform.assets.Asset asset : assets.getAll(scope, ids.subList(from, Math.min(ids.size(), from + 2_000)))) {
                if (!AnalysisEngineFacts.fingerprint(asset).equals(fingerprints.get(asset.id()))) {
                    changedSince.add(asset.id());
                }
            }
        }
        AuditContext audit = new AuditContext(context.actorId(), context.actorEmail(), "assessment:" + id, context.requestId());
        AssetService.StrategyWrite write = assets.setStrategies(scope, repository.finalStrategies(scope, id), audit,
                "assessment_approve");
        repository.markApproved(scope, id);
        return new Approval(get(scope, id), write.changed(), write.unchanged(), write.missing(), changedSince);
    }

    private Assessment withLiveState(TenantScope scope, Assessment row, boolean withSummary) {
        String status = Assessment.QUEUED;
        String message = null;
        double progress = 0;
        Flow flow = row.flowId() == null ? null : flows.find(scope, row.flowId()).orElse(null);
        if (row.approvedAt() != null) {
            status = Assessment.APPROVED;
            progress = 1;
        } else if (flow != null) {
            status = switch (flow.status()) {
                case PENDING -> Assessment.QUEUED;
                default -> flow.status().json();
            };
            progress = flow.progress() / 100.0;
            message = flow.error();
        } else if (row.status() != null) {
            status = row.status(); // its flow was deleted after it finished: the outcome it recorded
            progress = Assessment.COMPLETED.equals(status) ? 1 : 0;
        } else if (row.completedAt() != null) {
            status = Assessment.COMPLETED;
            progress = 1;
        }
        Map<String, Object> summary = withSummary && (Assessment.COMPLETED.equals(status) || Assessment.APPROVED.equals(status))
                ? repository.summary(scope, row.id()) : Map.of();
        Map<String, Object> selection = row.selection();
        if (!withSummary && selection.get("asset_ids") instanceof List<?> ids) {
            selection = Map.of("asset_ids_count", ids.size()); // the list stays small; GET /assessments/{id} has the ids
        }
        return new Assessment(row.id(), row.name(), status, selection, row.flowId(), progress, row.assetCount(),
                row.rulesVersion(), message, summary, row.failed(), row.failedCount(), row.createdBy(), row.createdAt(), row.completedAt(),
                row.approvedBy(), row.approvedAt());
    }

    private static void requireStatus(Assessment assessment, String required, String action) {
        if (!required.equals(assessment.status())) {
            throw new ConflictException("The assessment is " + assessment.status() + "; only a " + required
                    + " assessment can be " + action);
        }
    }

    static String validate(String name, Selection selection) {
        List<FieldError> errors = new ArrayList<>();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            errors.add(new FieldError("name", "Field required", "missing"));
        } else if (clean.length() > 255) {
            errors.add(new FieldError("name", "At most 255 characters", "value_error"));
        }
        boolean ids = selection.assetIds() != null;
        boolean filters = selection.filters() != null;
        if (ids == filters) {
            errors.add(new FieldError(ids ? "filters" : "asset_ids", "Give either asset_ids or filters", "value_error"));
        } else if (ids && selection.assetIds().isEmpty()) {
            errors.add(new FieldError("asset_ids", "At least one asset id is required", "value_error"));
        } else if (ids && selection.assetIds().size() > MAX_ASSET_IDS) {
            errors.add(new FieldError("asset_ids", "At most " + MAX_ASSET_IDS + " ids; use filters for more", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return clean;
    }

    private static String vocabulary(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(clean)) {
            throw new ValidationException(List.of(new FieldError(field, "Must be one of: " + String.join(", ", allowed), "enum")));
        }
        return clean;
    }

}
