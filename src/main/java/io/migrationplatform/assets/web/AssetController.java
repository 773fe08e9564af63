package io.migrationplatform.assets.web;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetSummary;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.error.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "assets")
@RestController
@RequestMapping("/api/v1/assets")
class AssetController {

    private final AssetService assets;
    private final DependencyService dependencies;

    AssetController(AssetService assets, DependencyService dependencies) {
        this.assets = assets;
        this.dependencies = dependencies;
    }

    @Operation(summary = "List assets (paginated, filtered, sorted; the seed's APIResponse envelope)")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Object>> list(TenantScope scope, @ParameterObject AssetListParams params) {
        return AssetListing.page(assets, dependencies, scope, params);
    }

    @Operation(summary = "Summary statistics of the scope's assets (cached, evicted by every write)")
    @GetMapping("/summary")
    @RequiresPermission(Permission.READ_ASSETS)
    AssetSummary summary(TenantScope scope) {
        return assets.summary(scope);
    }

    @Operation(summary = "One asset; the ETag carries its version for If-Match")
    @GetMapping("/{asset_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    ResponseEntity<Asset> get(TenantScope scope, @PathVariable("asset_id") UUID assetId) {
        Asset asset = assets.get(scope, assetId);
        return ResponseEntity.ok().eTag(AssetRequests.etag(asset.version())).body(asset);
    }

    @Operation(summary = "Create an asset in the current scope")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created; Location and ETag headers")
    @PostMapping
    @RequiresPermission(Permission.WRITE_ASSETS)
    ResponseEntity<Asset> create(TenantScope scope,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                         schema = @Schema(implementation = AssetWriteDocumentation.class)))
                                 @RequestBody Map<String, Object> body) {
        Asset asset = assets.create(scope, body, AssetRequests.audit(scope));
        return ResponseEntity.created(URI.create("/api/v1/assets/" + asset.id()))
                .eTag(AssetRequests.etag(asset.version())).body(asset);
    }

    @Operation(summary = "Create up to 1,000 assets: valid ones are created, each invalid one is reported by index")
    @PostMapping("/bulk")
    @RequiresPermission(Permission.WRITE_ASSETS)
    BulkResponse bulk(TenantScope scope, @RequestBody BulkRequest body) {
        if (body.assets() == null) {
            throw ValidationException.of("assets", "Field required: a list of asset objects", "missing");
        }
        AssetService.BulkResult result = assets.bulkCreate(scope, body.assets(), AssetRequests.audit(scope));
        return BulkResponse.of(result);
    }

    @Operation(summary = "Partial update: only the fields sent change. Send If-Match with the ETag to avoid lost updates")
    @PutMapping("/{asset_id}")
    @RequiresPermission(Permission.WRITE_ASSETS)
    ResponseEntity<Asset> update(TenantScope scope, @PathVariable("asset_id") UUID assetId,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                         schema = @Schema(implementation = AssetWriteDocumentation.class)))
                                 @RequestBody Map<String, Object> body) {
        Asset asset = assets.update(scope, assetId, body, AssetRequests.expectedVersion(ifMatch), AssetRequests.audit(scope));
        return ResponseEntity.ok().eTag(AssetRequests.etag(asset.version())).body(asset);
    }

    @Operation(summary = "Delete an asset (its audit trail is kept)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{asset_id}")
    @RequiresPermission(Permission.DELETE_ASSETS)
    ResponseEntity<Void> delete(TenantScope scope, @PathVariable("asset_id") UUID assetId,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        assets.delete(scope, assetId, AssetRequests.expectedVersion(ifMatch), AssetRequests.audit(scope));
        return ResponseEntity.noContent().build();
    }

    /** Body of {@code POST /assets/bulk}. */
    /** Items are taken as sent: one that is not an object is reported at its index like any other invalid item. */
    record BulkRequest(List<Object> assets) {
    }

    record BulkResponse(int createdCount, int failedCount, List<Asset> created, List<AssetService.BulkError> errors) {
        static BulkResponse of(AssetService.BulkResult result) {
            return new BulkResponse(result.created().size(), result.errors().size(), result.created(), result.errors());
        }
    }
}
