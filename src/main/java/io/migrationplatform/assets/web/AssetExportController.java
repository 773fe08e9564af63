package io.migrationplatform.assets.web;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.export.ExportColumn;
import io.migrationplatform.platform.export.ExportFormat;
import io.migrationplatform.platform.export.ExportResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "assets")
@RestController
class AssetExportController {


    /** The inventory as a programme manager reads it: identity first, then placement, sizing, ownership, plan. */
    static final List<ExportColumn<Asset>> COLUMNS = List.of(
            ExportColumn.of("id", "Asset ID", 38, Asset::id),
            ExportColumn.of("name", "Name", 30, Asset::name),
            ExportColumn.of("asset_type", "Type", 16, Asset::assetType),
            ExportColumn.of("environment", "Environment", 12, Asset::environment),
            ExportColumn.of("status", "Status", 12, Asset::status),
            ExportColumn.of("criticality", "Criticality", 11, Asset::criticality),
            ExportColumn.of("hostname", "Hostname", 24, Asset::hostname),
            ExportColumn.of("fqdn", "FQDN", 32, Asset::fqdn),
            ExportColumn.of("ip_addresses", "IP addresses", 20, Asset::ipAddresses),
            ExportColumn.of("operating_system", "Operating system", 24, Asset::operatingSystem),
            ExportColumn.of("os_version", "OS version", 12, Asset::osVersion),
            ExportColumn.of("cpu_cores", "CPU cores", 9, Asset::cpuCores),
            ExportColumn.of("memory_gb", "Memory (GB)", 11, Asset::memoryGb),
            ExportColumn.of("storage_gb", "Storage (GB)", 12, Asset::storageGb),
            ExportColumn.of("cpu_utilization_pct", "CPU utilisation %", 11, Asset::cpuUtilizationPct),
            ExportColumn.of("memory_utilization_pct", "Memory utilisation %", 11, Asset::memoryUtilizationPct),
            ExportColumn.of("application_name", "Application", 24, Asset::applicationName),
            ExportColumn.of("technology_stack", "Technology stack", 28, Asset::technologyStack),
            ExportColumn.of("database_type", "Database type", 14, Asset::databaseType),
            ExportColumn.of("database_version", "Database version", 12, Asset::databaseVersion),
            ExportColumn.of("business_owner", "Business owner", 20, Asset::businessOwner),
            ExportColumn.of("technical_owner", "Technical owner", 20, Asset::technicalOwner),
            ExportColumn.of("department", "Department", 16, Asset::department),
            ExportColumn.of("location", "Location", 16, Asset::location),
            ExportColumn.of("tags", "Tags", 20, Asset::tags),
            ExportColumn.of("six_r_strategy", "7R strategy", 12, Asset::sixRStrategy),
            ExportColumn.of("migration_wave", "Migration wave", 10, Asset::migrationWave),
            ExportColumn.of("external_id", "External ID", 20, Asset::externalId),
            ExportColumn.of("attributes", "Attributes (JSON)", 40, a -> a.attributes() == null || a.attributes().isEmpty() ? null
                    : a.attributes()),
            ExportColumn.of("version", "Version", 8, Asset::version),
            ExportColumn.of("created_by", "Created by", 38, Asset::createdBy),
            ExportColumn.of("created_at", "Created at", 22, Asset::createdAt),
            ExportColumn.of("updated_by", "Updated by", 38, Asset::updatedBy),
            ExportColumn.of("updated_at", "Updated at", 22, Asset::updatedAt));


    private final AssetService assets;
    private final Clock clock;

    AssetExportController(AssetService assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    @Operation(summary = "Download the assets the list's filters match, by name, as CSV (UTF-8 with BOM), XLSX or JSON; "
            + "streamed, so any size of inventory")
    @GetMapping("/api/v1/assets/export")
    @RequiresPermission(Permission.READ_ASSETS)
    void export(TenantScope scope, @ParameterObject AssetExportParams params, HttpServletResponse response) {
        ExportFormat format = ExportFormat.parse(params.format(), EnumSet.of(ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.JSON));
        AssetFilter filter = AssetListing.filter(params.asListParams());
        ExportResponses.stream(response, format, ExportResponses.filename("assets", format, clock), "Assets", COLUMNS,
                writer -> assets.forEach(scope, filter, writer::row));
    }
}
