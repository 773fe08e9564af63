package io.migrationplatform.assessments.web;

import io.migrationplatform.assessments.Assessment;
import io.migrationplatform.assessments.AssessmentService;
import io.migrationplatform.assessments.Decision;
import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "assessments", description = "Assessment runs over many assets, their per-asset decisions, overrides and approval")
@RestController
@RequestMapping("/api/v1/assessments")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    /** The asset list's filters; all optional, combined with AND. */
    record Filters(String assetType, String environment, String status, String tag, String criticality, String search) {
    }

    record CreateRequest(String name, List<String> assetIds, Filters filters) {
    }

    record OverrideRequest(String strategy, String rationale) {
    }

    record ApprovalResponse(Assessment assessment, int assetsChanged, int assetsUnchanged, List<UUID> assetsMissing,
                            List<UUID> assetsChangedSinceAssessed) {
    }

    @Operation(summary = "Start an assessment of the given assets, or of every asset the filters match; it runs in the background")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.WRITE_ASSETS)
    @RateLimited("assessments")
    Assessment create(TenantScope scope, @RequestBody CreateRequest body) {
        return assessments.start(scope, body.name(), new AssessmentService.Selection(body.assetIds(), toFilter(body.filters())));
    }

    @Operation(summary = "Assessments of the scope, newest first (brief: no summary, asset ids counted; GET one for its summary)")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Assessment>> list(TenantScope scope, @RequestParam(required = false) Integer page,
                                       @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        return ApiResponse.page(assessments.list(scope, params), params, assessments.count(scope), "assessments");
    }

    @Operation(summary = "An assessment: status, progress, counts by strategy and readiness, risks and blockers by code, effort")
    @GetMapping("/{assessment_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    Assessment get(TenantScope scope, @PathVariable("assessment_id") UUID id) {
        return assessments.get(scope, id);
    }

    @Operation(summary = "Per-asset decisions, by asset name; filter by final strategy (the override if any) or the engine's readiness")
    @GetMapping("/{assessment_id}/decisions")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Decision>> decisions(TenantScope scope, @PathVariable("assessment_id") UUID id,
                                          @RequestParam(required = false) String strategy,
                                          @RequestParam(required = false) String readiness,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        List<Decision> items = assessments.decisions(scope, id, strategy, readiness, params);
        return ApiResponse.page(items, params, assessments.countDecisions(scope, id, strategy, readiness), "decisions");
    }

    @Operation(summary = "Override the engine's strategy for one asset, with a rationale (kept beside the engine's answer)")
    @PutMapping("/{assessment_id}/decisions/{asset_id}")
    @RequiresPermission(Permission.WRITE_ASSETS)
    Decision override(TenantScope scope, @PathVariable("assessment_id") UUID id, @PathVariable("asset_id") UUID assetId,
                      @RequestBody OverrideRequest body) {
        return assessments.override(scope, id, assetId, body.strategy(), body.rationale());
    }

    @Operation(summary = "Remove the override: the engine's strategy is final again")
    @org.springframework.web.bind.annotation.DeleteMapping("/{assessment_id}/decisions/{asset_id}/override")
    @RequiresPermission(Permission.WRITE_ASSETS)
    Decision clearOverride(TenantScope scope, @PathVariable("assessment_id") UUID id, @PathVariable("asset_id") UUID assetId) {
        return assessments.clearOverride(scope, id, assetId);
    }

    @Operation(summary = "Approve: write every final strategy to its asset's six_r_strategy, recorded in the audit trail")
    @PostMapping("/{assessment_id}/approve")
    @RequiresPermission(Permission.WRITE_ASSETS)
    ApprovalResponse approve(TenantScope scope, @PathVariable("assessment_id") UUID id) {
        AssessmentService.Approval approval = assessments.approve(scope, id, AuditContext.ofCurrentRequest(scope, "api"));
        return new ApprovalResponse(approval.assessment(), approval.changed(), approval.unchanged(), approval.missing(),
                approval.changedSinceAssessed());
    }

    /** The list's filters, with the list's vocabularies checked so a typo is a 422, not an empty assessment. */
    private static AssetFilter toFilter(Filters filters) {
        return filters == null ? null : new AssetFilter(filters.assetType(), filters.environment(), filters.status(), filters.tag(),
                filters.criticality(), filters.search()).checked("filters");
    }
}
