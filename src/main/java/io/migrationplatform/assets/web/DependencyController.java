package io.migrationplatform.assets.web;

import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "assets")
@RestController
@RequestMapping("/api/v1/assets/{asset_id}/dependencies")
class DependencyController {

    private final DependencyService dependencies;

    DependencyController(DependencyService dependencies) {
        this.dependencies = dependencies;
    }

    @Operation(summary = "What the asset depends on, and what depends on it")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    DependencyService.AssetDependencies list(TenantScope scope, @PathVariable("asset_id") UUID assetId) {
        return dependencies.of(scope, assetId);
    }

    @Operation(summary = "Add an edge: this asset depends on another asset of the same scope (cycles are allowed)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.WRITE_ASSETS)
    DependencyService.AssetDependencies add(TenantScope scope, @PathVariable("asset_id") UUID assetId,
                                            @RequestBody DependencyService.NewDependency body) {
        return dependencies.add(scope, assetId, body, AssetRequests.audit(scope));
    }

    @Operation(summary = "Remove an edge")
    @DeleteMapping("/{depends_on_asset_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.WRITE_ASSETS)
    void remove(TenantScope scope, @PathVariable("asset_id") UUID assetId,
                @PathVariable("depends_on_asset_id") UUID dependsOnAssetId) {
        dependencies.remove(scope, assetId, dependsOnAssetId, AssetRequests.audit(scope));
    }
}
