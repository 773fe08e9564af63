package io.migrationplatform.planning;

import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowService;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.store.WavePlanRepository;
import io.migrationplatform.platform.error.ConflictException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wave plans: plan the engagement's assets (a planning flow does the work), read a plan with its waves,
 * apply it (each asset's migration_wave, audited), export it. Plans are immutable once planned.
 */
@Service
public class WavePlanService {

    /** Planned assets per page of {@link #forEachAsset}. */
    public static final int EXPORT_PAGE = 1_000;

    /**
     * What applying did: assets whose wave changed, already had it, or were deleted since planning; and how many
     * assets outside this plan still carry a wave from an earlier one.
     */
    public record Application(WavePlan plan, int changed, int unchanged, List<UUID> missing, int notInPlanWithWave) {
    }

    private final WavePlanRepository repository;
    private final FlowService flows;
    private final AssetService assets;
    private final Clock clock;

    WavePlanService(WavePlanRepository repository, FlowService flows, AssetService assets, Clock clock) {
        this.repository = repository;
        this.flows = flows;
        this.assets = assets;
        this.clock = clock;
    }

    /** Records the plan and starts its flow, in one transaction; the plan is queued until the flow runs. */
    @Transactional
    public WavePlan plan(TenantScope scope, PlanningOptions.Requested request) {
        PlanningOptions options = PlanningOptions.of(request, LocalDate.now(clock));
        UUID id = UUID.randomUUID();
        repository.insert(scope, id, options.name(), options.toMap());
        flows.startPrepared(scope, PlanningFlow.TYPE, options.name(), Map.of("plan_id", id.toString()));
        return get(scope, id, false);
    }

    /** The plan with its live state; its waves (with their assets when {@code withAssets}) once it completed. */
    @Transactional(readOnly = true)
    public WavePlan get(TenantScope scope, UUID id, boolean withAssets) {
        WavePlan row = repository.find(scope, id).orElseThrow(() -> new NotFoundException("Wave plan"));
        return withLiveState(scope, row, true, withAssets);
    }

    @Transactional(readOnly = true)
    public List<WavePlan> list(TenantScope scope, PageParams page) {
        List<WavePlan> result = new ArrayList<>();
        repository.list(scope, page).forEach(row -> result.add(withLiveState(scope, row, false, false)));
        return result;
    }

    public long count(TenantScope scope) {
        return repository.count(scope);
    }

    /**
     * Writes each planned asset's wave number to its migration_wave (audited as "wave_plan_apply", the plan named as
     * the source), once; a later plan can be applied over it, and this plan stays as it was.
     */
    @Transactional
    public Application apply(TenantScope scope, UUID id, AuditContext context) {
        WavePlan plan = withLiveState(scope, repository.findForUpdate(scope, id).orElseThrow(() -> new NotFoundException("Wave plan")),
                false, false);
        if (!WavePlan.COMPLETED.equals(plan.status())) {
            throw new ConflictException("The wave plan is " + plan.status() + "; only a completed plan can be applied");
        }
        Map<UUID, Integer> waves = repository.waveNumbers(id);
        if (waves.isEmpty()) {
            throw new ConflictException("The wave plan has no planned assets to apply");
        }
        AuditContext audit = new AuditContext(context.actorId(), context.actorEmail(), "wave_plan:" + id, context.requestId());
        AssetService.StrategyWrite write = assets.setMigrationWaves(scope, waves, audit, "wave_plan_apply");
        repository.markApplied(scope, id);
        return new Application(get(scope, id, false), write.changed(), write.unchanged(), write.missing(),
                repository.assetsWithWaveNotIn(scope, id));
    }

    /**
     * Every planned asset by wave then name, handed to {@code consumer} one at a time while read in keyset pages of
     * {@value #EXPORT_PAGE}, in one repeatable-read snapshot. 404 for a plan of another scope; 409 before it completed.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public WavePlan forEachAsset(TenantScope scope, UUID id, Consumer<WavePlanRepository.ExportRow> consumer) {
        WavePlan plan = requireExportable(scope, id);
        WavePlanRepository.ExportRow last = null;
        while (true) {
            List<WavePlanRepository.ExportRow> page = repository.page(id, last, EXPORT_PAGE);
            page.forEach(consumer);
            if (page.size() < EXPORT_PAGE) {
                return plan;
            }
            last = page.get(page.size() - 1);
        }
    }

    /** The plan, checked to be in the scope and planned (so an export never starts streaming an empty file by mistake). */
    @Transactional(readOnly = true)
    public WavePlan requireExportable(TenantScope scope, UUID id) {
        WavePlan plan = withLiveState(scope, repository.find(scope, id).orElseThrow(() -> new NotFoundException("Wave plan")), false, false);
        if (!WavePlan.COMPLETED.equals(plan.status()) && !WavePlan.APPLIED.equals(plan.status())) {
            throw new ConflictException("The wave plan is " + plan.status() + "; it can be exported once it completed");
        }
        return plan;
    }

    /** What POST /flows may configure for a planning flow: the fields of POST /waves/plan except the name (the flow's). */
    static final List<String> CONFIGURATION_KEYS = List.of("max_assets_per_wave", "start_date", "wave_duration_days", "gap_days",
            "exclude_strategies", "scope", "pilot");

    /** POST /flows with flow_type planning: the flow's name and configuration as a planning request. */
    static PlanningOptions.Requested requested(String name, Map<String, Object> configuration) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : configuration.keySet()) {
            if (!CONFIGURATION_KEYS.contains(key)) {
                errors.add(new FieldError("configuration." + key, "Unknown field; a planning flow takes: "
                        + String.join(", ", CONFIGURATION_KEYS), "extra_forbidden"));
            }
        }
        Integer capacity = integer(configuration, "max_assets_per_wave", errors);
        Integer duration = integer(configuration, "wave_duration_days", errors);
        Integer gap = integer(configuration, "gap_days", errors);
        Object start = configuration.get("start_date");
        Object excluded = configuration.get("exclude_strategies");
        Object scope = configuration.get("scope");
        Object pilot = configuration.get("pilot");
        if (start != null && !(start instanceof String)) {
            errors.add(new FieldError("configuration.start_date", "Must be a date as YYYY-MM-DD", "type_error"));
        }
        if (excluded != null && !(excluded instanceof List<?>)) {
            errors.add(new FieldError("configuration.exclude_strategies", "Must be a list of strategies", "type_error"));
        }
        if (scope != null && !(scope instanceof Map<?, ?>)) {
            errors.add(new FieldError("configuration.scope", "Must be an object of asset filters", "type_error"));
        }
        if (pilot != null && !(pilot instanceof Boolean)) {
            errors.add(new FieldError("configuration.pilot", "Must be true or false", "type_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PlanningOptions.Requested(name, capacity, (String) start,
                duration, gap, excluded == null ? null : ((List<?>) excluded).stream().map(v -> v == null ? null : v.toString()).toList(),
                scope == null ? null : AssetFilter.fromMap((Map<?, ?>) scope), (Boolean) pilot);
    }

    private static Integer integer(Map<String, Object> configuration, String key, List<FieldError> errors) {
        Object value = configuration.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number) {
            return number;
        }
        errors.add(new FieldError("configuration." + key, "Must be an integer", "type_error"));
        return null;
    }

    private WavePlan withLiveState(TenantScope scope, WavePlan row, boolean withWaves, boolean withAssets) {
        String status = WavePlan.QUEUED;
        String message = null;
        double progress = 0;
        Flow flow = row.flowId() == null ? null : flows.find(scope, row.flowId()).orElse(null);
        if (row.appliedAt() != null) {
            status = WavePlan.APPLIED;
            progress = 1;
        } else if (flow != null) {
            status = switch (flow.status()) {
                case PENDING -> WavePlan.QUEUED;
                default -> flow.status().json();
            };
            progress = flow.progress() / 100.0;
            message = flow.error();
        } else if (row.status() != null) {
            status = row.status(); // its flow was deleted after it finished: the outcome it recorded
            progress = WavePlan.COMPLETED.equals(status) ? 1 : 0;
        }
        boolean planned = WavePlan.COMPLETED.equals(status) || WavePlan.APPLIED.equals(status);
        List<WavePlan.Wave> waves = withWaves && planned ? waves(row.id(), withAssets) : null;
        return new WavePlan(row.id(), row.name(), status, row.flowId(), progress, message, row.options(),
                planned ? row.summary() : Map.of(), waves, withWaves && planned ? row.constraints() : null,
                planned ? row.warnings() : List.of(), row.createdBy(), row.createdAt(), row.appliedBy(), row.appliedAt());
    }

    private List<WavePlan.Wave> waves(UUID planId, boolean withAssets) {
        Map<Integer, Map<String, Integer>> byStrategy = repository.countsByWave(planId, "six_r_strategy");
        Map<Integer, Map<String, Integer>> byCriticality = repository.countsByWave(planId, "criticality");
        Map<Integer, List<WavePlan.PlannedAsset>> assetsByWave = withAssets ? repository.assetsByWave(planId) : Map.of();
        List<WavePlan.Wave> waves = new ArrayList<>();
        for (WavePlanRepository.WaveRow wave : repository.waves(planId)) {
            Map<String, Integer> strategies = byStrategy.getOrDefault(wave.waveNumber(), Map.of());
            int count = strategies.values().stream().mapToInt(Integer::intValue).sum();
            waves.add(new WavePlan.Wave(wave.waveNumber(), wave.startDate(), wave.endDate(), wave.pilot(), count, strategies,
                    byCriticality.getOrDefault(wave.waveNumber(), Map.of()),
                    withAssets ? assetsByWave.getOrDefault(wave.waveNumber(), List.of()) : null));
        }
        return waves;
    }
}
