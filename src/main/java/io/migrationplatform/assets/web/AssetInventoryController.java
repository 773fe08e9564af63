package io.migrationplatform.assets.web;

import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetSummary;
import io.migrationplatform.assets.AuditEntry;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's asset-inventory router: analysis views, the paginated list, audit trail and dependency graph. */
@Tag(name = "asset-inventory")
@RestController
@RequestMapping("/api/v1/asset-inventory")
class AssetInventoryController {

    private final AssetService assets;
    private final DependencyService dependencies;

    AssetInventoryController(AssetService assets, DependencyService dependencies) {
        this.assets = assets;
        this.dependencies = dependencies;
    }

    @Operation(summary = "Inventory overview: totals and every breakdown (cached per scope)")
    @GetMapping("/analysis/overview")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<AssetSummary> overview(TenantScope scope) {
        return ApiResponse.of(assets.summary(scope), "Inventory overview");
    }

    @GetMapping("/analysis/by-type")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Map<String, Object>>> byType(TenantScope scope) {
        return breakdown("asset_type", assets.summary(scope).byType(), "by asset type");
    }

    @GetMapping("/analysis/by-status")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Map<String, Object>>> byStatus(TenantScope scope) {
        return breakdown("status", assets.summary(scope).byStatus(), "by status");
    }

    @GetMapping("/analysis/by-environment")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Map<String, Object>>> byEnvironment(TenantScope scope) {
        return breakdown("environment", assets.summary(scope).byEnvironment(), "by environment");
    }

    @Operation(summary = "The asset list, same contract as GET /assets")
    @GetMapping("/list/paginated")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Object>> list(TenantScope scope, @ParameterObject AssetListParams params) {
        return AssetListing.page(assets, dependencies, scope, params);
    }

    @Operation(summary = "The asset's history: every create, update (old and new value of each field), delete and import")
    @GetMapping("/audit/{asset_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<AuditEntry>> audit(TenantScope scope, @PathVariable("asset_id") UUID assetId,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        AssetService.Page<AuditEntry> history = assets.history(scope, assetId, params);
        return ApiResponse.page(history.items(), params, history.total(), "audit entries");
    }

    @Operation(summary = "Nodes, edges and cycles (strongly connected components of more than one asset)")
    @GetMapping("/dependency-graph")
    @RequiresPermission(Permission.READ_ASSETS)
    DependencyService.DependencyGraph graph(TenantScope scope) {
        return dependencies.graph(scope);
    }

    private static ApiResponse<List<Map<String, Object>>> breakdown(String key, Map<String, Long> counts, String what) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> rows = counts.entrySet().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(key, e.getKey());
            row.put("count", e.getValue());
            row.put("percentage", total == 0 ? 0.0 : Math.round(e.getValue() * 1000.0 / total) / 10.0);
            return row;
        }).toList();
        return ApiResponse.of(rows, "Assets " + what);
    }
}
