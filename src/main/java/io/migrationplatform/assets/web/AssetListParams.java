package io.migrationplatform.assets.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

/** Query parameters of the asset list (the seed's pagination and filter parameters). */
record AssetListParams(
        @Parameter(description = "Page number, from 1") Integer page,
        @Parameter(name = "page_size", description = "Items per page, 1 to 100 (default 50)") @BindParam("page_size") Integer pageSize,
        @Parameter(name = "sort_by", description = "name (default), asset_type, environment, status, criticality, hostname, "
                + "six_r_strategy, migration_wave, cpu_cores, memory_gb, storage_gb, created_at, updated_at")
        @BindParam("sort_by") String sortBy,
        @Parameter(name = "sort_order", description = "asc (default) or desc") @BindParam("sort_order") String sortOrder,
        @Parameter(name = "asset_type", description = "server, virtual_machine, database, application, service, network, "
                + "load_balancer, storage, container, other") @BindParam("asset_type") String assetType,
        @Parameter(description = "dev, staging, prod or test") String environment,
        @Parameter(description = "active, inactive, migrating or decommissioned") String status,
        @Parameter(description = "Assets carrying this tag") String tag,
        @Parameter(description = "low, medium, high or critical") String criticality,
        @Parameter(description = "Case-insensitive substring of the name, host name or an IP address") String search,
        @Parameter(name = "include_dependencies", description = "Add each asset's dependencies (two extra queries per page)")
        @BindParam("include_dependencies") Boolean includeDependencies) {
}
