package io.migrationplatform.analysis.web;

import io.migrationplatform.analysis.AnalysisService;
import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.BatchAnalysisTask;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.BadRequestException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "analysis", description = "Explainable readiness, end-of-support risks and 7R recommendations")
@RestController
@RequestMapping("/api/v1/assets")
class AnalysisController {

    private final AnalysisService analysis;
    private final BatchAnalysisTask batchTasks;

    AnalysisController(AnalysisService analysis, BatchAnalysisTask batchTasks) {
        this.analysis = analysis;
        this.batchTasks = batchTasks;
    }

    /** The seed's body for a batch. */
    record BatchRequest(List<String> assetIds, Boolean asyncProcessing) {
    }

    /** The seed's answer to a single analysis. */
    record AnalyzeResponse(UUID assetId, AssetAnalysis analysis) {
    }

    /** The seed's synchronous batch answer, plus the ids that could not be analysed and why. */
    record BatchResponse(String status, Map<String, AssetAnalysis> results, int analyzedCount, Map<String, String> failed) {
    }

    @Operation(summary = "Analyse an asset now: readiness, complexity, lifecycle, risks, blockers, 7R strategy, effort and every reason")
    @PostMapping("/{asset_id}/analyze")
    @RequiresPermission(Permission.READ_ASSETS)
    AnalyzeResponse analyze(TenantScope scope, @PathVariable("asset_id") UUID assetId) {
        return new AnalyzeResponse(assetId, analysis.analyze(scope, assetId));
    }

    @Operation(summary = "The latest analysis of an asset (404 until one was made); metadata.stale says whether a field the engine reads changed since")
    @GetMapping("/{asset_id}/analysis")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<AssetAnalysis> latest(TenantScope scope, @PathVariable("asset_id") UUID assetId) {
        AnalysisService.Latest latest = analysis.latest(scope, assetId);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("stale", latest.stale());
        metadata.put("analyzed_asset_version", latest.analyzedAssetVersion());
        metadata.put("current_asset_version", latest.currentAssetVersion());
        return new ApiResponse<>(true, latest.analysis(), "Latest analysis", List.of(), metadata, Instant.now());
    }

    @Operation(summary = "Analyse up to 100 assets: at once, or (async_processing) as a background task followed at GET /api/v1/tasks/{task_id}")
    @PostMapping("/analyze-batch")
    @RequiresPermission(Permission.READ_ASSETS)
    @RateLimited("analysis")
    ResponseEntity<?> batch(TenantScope scope, @RequestBody BatchRequest body) {
        List<String> ids = validate(body);
        if (Boolean.TRUE.equals(body.asyncProcessing())) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(batchTasks.submit(scope, ids));
        }
        AnalysisService.BatchOutcome outcome = analysis.analyzeBatch(scope, ids);
        return ResponseEntity.ok(new BatchResponse("completed", outcome.results(), outcome.results().size(), outcome.failed()));
    }

    private static final int MAX_ID_LENGTH = 100;

    private static List<String> validate(BatchRequest body) {
        if (body == null || body.assetIds() == null) {
            throw new ValidationException(List.of(new FieldError("asset_ids", "Field required", "missing")));
        }
        if (body.assetIds().size() > AnalysisService.MAX_BATCH) {
            throw new BadRequestException("Maximum " + AnalysisService.MAX_BATCH + " assets per batch");
        }
        if (body.assetIds().isEmpty()) {
            throw new ValidationException(List.of(new FieldError("asset_ids", "At least one asset id is required", "value_error")));
        }
        // An id that is not a UUID is reported as not found, by itself as the key: bound what may be echoed and stored.
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.assetIds().size(); i++) {
            String id = body.assetIds().get(i);
            if (id == null) {
                errors.add(new FieldError("asset_ids[" + i + "]", "An asset id is required", "missing"));
            } else if (id.length() > MAX_ID_LENGTH) {
                errors.add(new FieldError("asset_ids[" + i + "]", "At most " + MAX_ID_LENGTH + " characters", "string_too_long"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return body.assetIds();
    }
}
