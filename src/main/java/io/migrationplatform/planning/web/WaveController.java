package io.migrationplatform.planning.web;

import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.PlanningOptions;
import io.migrationplatform.planning.WavePlan;
import io.migrationplatform.planning.WavePlanService;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "waves", description = "Dependency-aware migration wave plans: plan, review, apply to the assets, export")
@RestController
@RequestMapping("/api/v1/waves")
class WaveController {

    private final WavePlanService plans;

    WaveController(WavePlanService plans) {
        this.plans = plans;
    }

    /** The asset list's filters; all optional, combined with AND. */
    record Scope(String assetType, String environment, String status, String tag, String criticality, String search) {
    }

    /** Every field optional: defaults are 50 assets a wave, today, 14-day waves, 7-day gaps, retire and retain excluded, no pilot. */
    record PlanRequest(
            @Schema(description = "Default: \"Wave plan <today>\"", maxLength = 255) String name,
            @Schema(description = "Capacity of a wave; a dependency cycle bigger than this gets a wave of its own", minimum = "1",
                    maximum = "10000", defaultValue = "50") Integer maxAssetsPerWave,
            @Schema(description = "First wave's start; default today", format = "date", example = "2027-01-04") String startDate,
            @Schema(minimum = "1", maximum = "365", defaultValue = "14") Integer waveDurationDays,
            @Schema(description = "Days between a wave's end and the next one's start", minimum = "0", maximum = "365",
                    defaultValue = "7") Integer gapDays,
            @ArraySchema(schema = @Schema(allowableValues = {"rehost", "replatform", "refactor", "repurchase", "retire", "retain",
                    "relocate"}), arraySchema = @Schema(description = "Assets with these strategies are not planned; default "
                    + "[\"retire\", \"retain\"]")) List<String> excludeStrategies,
            @Schema(description = "The asset list's filters; default every asset of the engagement") Scope scope,
            @Schema(description = "A first wave of up to 5 isolated low- or medium-criticality assets", defaultValue = "false")
            Boolean pilot) {
    }

    /** Apply takes no options; a body, if any, must be empty (an unknown field such as dry_run is a 422, never ignored). */
    record ApplyRequest() {
    }

    record ApplyResponse(WavePlan plan, int assetsChanged, int assetsUnchanged, List<UUID> assetsMissing, int assetsNotInPlanWithWave) {
    }

    @Operation(summary = "Plan migration waves for the engagement's assets (or those the scope's filters match); "
            + "runs in the background as a planning flow; answers at once with the plan's id, status and flow_id")
    @PostMapping("/plan")
    @RequiresPermission(Permission.WRITE_ASSETS)
    @RateLimited("planning")
    ResponseEntity<WavePlan> plan(TenantScope scope, @RequestBody(required = false) PlanRequest body) {
        PlanRequest request = body == null ? new PlanRequest(null, null, null, null, null, null, null, null) : body;
        Scope filters = request.scope();
        WavePlan plan = plans.plan(scope, new PlanningOptions.Requested(request.name(), request.maxAssetsPerWave(), request.startDate(),
                request.waveDurationDays(), request.gapDays(), request.excludeStrategies(),
                filters == null ? null : new AssetFilter(filters.assetType(), filters.environment(), filters.status(), filters.tag(),
                        filters.criticality(), filters.search()), request.pilot()));
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/waves/" + plan.id())).body(plan);
    }

    @Operation(summary = "Wave plans of the scope, newest first (brief: status, options and summary; GET one for its waves)")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<WavePlan>> list(TenantScope scope, @RequestParam(required = false) Integer page,
                                     @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        return ApiResponse.page(plans.list(scope, params), params, plans.count(scope), "plans");
    }

    @Operation(summary = "A wave plan: status, summary, waves in order with dates, assets and counts by strategy and criticality, "
            + "external constraints and warnings")
    @GetMapping("/{plan_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    WavePlan get(TenantScope scope, @PathVariable("plan_id") UUID id,
                 @Parameter(description = "false leaves each wave's asset list out (counts stay); for very large plans")
                 @RequestParam(name = "include_assets", defaultValue = "true") boolean includeAssets) {
        return plans.get(scope, id, includeAssets);
    }

    @Operation(summary = "Apply a completed plan: write each planned asset's migration_wave, recorded in the audit trail")
    @PostMapping("/{plan_id}/apply")
    @RequiresPermission(Permission.WRITE_ASSETS)
    ApplyResponse apply(TenantScope scope, @PathVariable("plan_id") UUID id, @RequestBody(required = false) ApplyRequest body) {
        WavePlanService.Application applied = plans.apply(scope, id, AuditContext.ofCurrentRequest(scope, "api"));
        return new ApplyResponse(applied.plan(), applied.changed(), applied.unchanged(), applied.missing(), applied.notInPlanWithWave());
    }
}
