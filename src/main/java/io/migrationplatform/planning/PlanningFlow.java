package io.migrationplatform.planning;

import io.migrationplatform.assets.AssetBrief;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowContext;
import io.migrationplatform.flows.FlowHandler;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.engine.WavePlanner;
import io.migrationplatform.planning.store.WavePlanRepository;
import io.migrationplatform.platform.error.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A wave plan as a flow: asset_selection (the scope's assets and the engagement's dependencies, read
 * once), wave_planning ({@link WavePlanner}), plan_storage (waves, assets, constraints and warnings
 * replaced in one transaction). Idempotent: a re-run after a crash, a resume or a retry plans again
 * and stores the complete result; an applied plan is never re-planned.
 */
@Component
class PlanningFlow implements FlowHandler {

    static final String TYPE = "planning";
    private static final Logger log = LoggerFactory.getLogger(PlanningFlow.class);
    private static final int CHUNK = 2_000;

    private final WavePlanRepository repository;
    private final AssetService assets;
    private final DependencyService dependencies;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlanningFlow(WavePlanRepository repository, AssetService assets, DependencyService dependencies, TransactionTemplate transactions,
                 Clock clock) {
        this.repository = repository;
        this.assets = assets;
        this.dependencies = dependencies;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String flowType() {
        return TYPE;
    }

    @Override
    public List<String> phases() {
        return List.of("asset_selection", "wave_planning", "plan_storage");
    }

    /** POST /flows with flow_type planning: the same checks as POST /waves/plan; records the plan. */
    @Override
    public Map<String, Object> prepare(TenantScope scope, String name, Map<String, Object> configuration) {
        PlanningOptions options = PlanningOptions.of(WavePlanService.requested(name, configuration), LocalDate.now(clock));
        UUID id = UUID.randomUUID();
        repository.insert(scope, id, options.name(), options.toMap());
        return Map.of("plan_id", id.toString());
    }

    @Override
    public void created(TenantScope scope, Flow flow) {
        repository.setFlow(scope, UUID.fromString(String.valueOf(flow.configuration().get("plan_id"))), flow.id());
    }

    @Override
    public void finished(TenantScope scope, Flow flow) {
        repository.recordOutcome(scope, UUID.fromString(String.valueOf(flow.configuration().get("plan_id"))), flow.status().json());
    }

    @Override
    public Map<String, Object> run(FlowContext context) {
        TenantScope scope = context.scope();
        UUID id = UUID.fromString(String.valueOf(context.configuration().get("plan_id")));
        WavePlan plan = repository.find(scope, id).orElseThrow(() -> new NotFoundException("Wave plan"));
        if (plan.appliedAt() != null) {
            return Map.of("plan_id", id.toString()); // applied: frozen, never planned again
        }
        repository.clearOutcome(scope, id);
        PlanningOptions options = PlanningOptions.fromMap(plan.options());
        long started = System.nanoTime();

        context.phase("asset_selection");
        List<AssetBrief> selected = assets.briefs(scope, options.scope());
        Map<UUID, List<UUID>> dependsOn = dependencies.dependsOn(scope);
        List<WavePlanner.PlanAsset> input = new ArrayList<>(selected.size());
        Map<UUID, AssetBrief> byId = new HashMap<>();
        for (AssetBrief asset : selected) {
            byId.put(asset.id(), asset);
            input.add(new WavePlanner.PlanAsset(asset.id(), asset.name(), asset.assetType(), asset.criticality(), asset.sixRStrategy(),
                    dependsOn.getOrDefault(asset.id(), List.of())));
        }
        context.counts(Map.of("selected", selected.size()));
        long read = System.nanoTime();

        context.checkpoint();
        context.phase("wave_planning");
        Set<UUID> neededFromOutside = new HashSet<>();
        dependsOn.forEach((source, targets) -> {
            if (!byId.containsKey(source)) {
                targets.stream().filter(byId::containsKey).forEach(neededFromOutside::add);
            }
        });
        WavePlanner.Plan result = WavePlanner.plan(input, options.engineOptions(), neededFromOutside);
        context.counts(Map.of("waves", result.waves().size(), "planned", result.plannedAssets(), "cycles", result.cycles().size()));
        long planned = System.nanoTime();

        context.checkpoint();
        context.phase("plan_storage");
        Map<UUID, Integer> groupSize = new HashMap<>();
        result.cycles().forEach(cycle -> cycle.forEach(member -> groupSize.put(member, cycle.size())));
        List<WavePlanRepository.WaveRow> waves = new ArrayList<>(result.waves().size());
        List<WavePlanRepository.Row> rows = new ArrayList<>(result.plannedAssets());
        Map<String, Integer> byStrategy = new TreeMap<>();
        for (WavePlanner.Wave wave : result.waves()) {
            waves.add(new WavePlanRepository.WaveRow(wave.waveNumber(), wave.startDate(), wave.endDate(), wave.pilot()));
            for (UUID assetId : wave.assetIds()) {
                AssetBrief a = byId.get(assetId);
                rows.add(new WavePlanRepository.Row(wave.waveNumber(), wave.startDate(), wave.endDate(), wave.pilot(),
                        new WavePlan.PlannedAsset(a.id(), a.name(), a.assetType(), a.environment(), a.criticality(), a.sixRStrategy(),
                                groupSize.getOrDefault(a.id(), 1))));
                byStrategy.merge(a.sixRStrategy() == null ? "unknown" : a.sixRStrategy(), 1, Integer::sum);
            }
        }
        List<WavePlanner.Constraint> found = new ArrayList<>(result.constraints());
        found.addAll(dependentsNotPlanned(result, dependsOn, byId));
        List<WavePlan.Constraint> constraints = constraints(scope, found, byId);
        List<String> warnings = new ArrayList<>(result.warnings());
        int withoutStrategy = byStrategy.getOrDefault("unknown", 0);
        if (withoutStrategy > 0) {
            warnings.add(withoutStrategy + " planned assets have no 7R strategy yet; assess them and approve the assessment first");
        }
        if (result.plannedAssets() == 0) {
            warnings.add("No assets to plan: the scope matches no asset, or every asset is excluded by its strategy");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("selected_assets", selected.size());
        summary.put("planned_assets", result.plannedAssets());
        summary.put("excluded_assets", result.excludedAssets());
        summary.put("wave_count", result.waves().size());
        summary.put("pilot", !result.waves().isEmpty() && result.waves().get(0).pilot());
        summary.put("groups", result.groups());
        summary.put("cycles", result.cycles().size());
        summary.put("largest_cycle", result.cycles().isEmpty() ? 0 : result.cycles().get(0).size());
        summary.put("constraints_total", constraints.size());
        summary.put("by_strategy", byStrategy);
        summary.put("end_date", result.waves().isEmpty() ? null : result.waves().get(result.waves().size() - 1).endDate().toString());
        List<WavePlan.Constraint> kept = constraints.size() > WavePlan.MAX_CONSTRAINTS_KEPT
                ? constraints.subList(0, WavePlan.MAX_CONSTRAINTS_KEPT) : constraints;
        transactions.executeWithoutResult(status -> repository.storeResult(scope, id, waves, rows, summary, kept, warnings));
        repository.analyzeIfStale(); // an export right after planning pages through these rows by index
        log.info("Wave plan {}: {} assets read in {} ms, planned into {} waves in {} ms, stored in {} ms", id, selected.size(),
                (read - started) / 1_000_000, result.waves().size(), (planned - read) / 1_000_000, (System.nanoTime() - planned) / 1_000_000);
        Map<String, Object> flowResult = new LinkedHashMap<>();
        flowResult.put("plan_id", id.toString());
        flowResult.put("planned_assets", result.plannedAssets());
        flowResult.put("wave_count", result.waves().size());
        flowResult.put("warnings", warnings.size());
        return flowResult;
    }

    /**
     * The other direction of the engine's constraints: an asset that is not planned (outside the scope, or excluded by its
     * strategy) depends on one that moves; the programme has to keep it working while its dependency migrates.
     */
    private static List<WavePlanner.Constraint> dependentsNotPlanned(WavePlanner.Plan result, Map<UUID, List<UUID>> dependsOn,
                                                                    Map<UUID, AssetBrief> selected) {
        Set<UUID> planned = new HashSet<>();
        result.waves().forEach(wave -> planned.addAll(wave.assetIds()));
        List<WavePlanner.Constraint> found = new ArrayList<>();
        dependsOn.forEach((source, targets) -> {
            if (planned.contains(source)) {
                return;
            }
            AssetBrief excluded = selected.get(source);
            for (UUID target : targets) {
                if (planned.contains(target)) {
                    found.add(new WavePlanner.Constraint(source, target, WavePlan.DEPENDENT_NOT_PLANNED,
                            excluded == null ? null : excluded.sixRStrategy()));
                }
            }
        });
        return found;
    }

    /** The constraints with both assets named (looking up, in chunks, the ones outside the scope). */
    private List<WavePlan.Constraint> constraints(TenantScope scope, List<WavePlanner.Constraint> found, Map<UUID, AssetBrief> selected) {
        Set<UUID> outside = new HashSet<>();
        for (WavePlanner.Constraint c : found) {
            if (!selected.containsKey(c.dependsOnAssetId())) {
                outside.add(c.dependsOnAssetId());
            }
            if (!selected.containsKey(c.assetId())) {
                outside.add(c.assetId());
            }
        }
        Map<UUID, String> names = new HashMap<>();
        List<UUID> ids = new ArrayList<>(outside);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            assets.getAll(scope, ids.subList(from, Math.min(ids.size(), from + CHUNK))).forEach(a -> names.put(a.id(), a.name()));
        }
        selected.forEach((assetId, asset) -> names.put(assetId, asset.name()));
        List<WavePlan.Constraint> result = new ArrayList<>(found.size());
        for (WavePlanner.Constraint c : found) {
            result.add(new WavePlan.Constraint(c.assetId(), names.get(c.assetId()), c.dependsOnAssetId(), names.get(c.dependsOnAssetId()),
                    c.reason(), c.strategy()));
        }
        result.sort(java.util.Comparator.comparing((WavePlan.Constraint c) -> String.valueOf(c.assetName()))
                .thenComparing(c -> String.valueOf(c.dependsOnName())));
        return result;
    }
}
