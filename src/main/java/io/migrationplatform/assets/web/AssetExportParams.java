package io.migrationplatform.assets.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

/** Query parameters of the asset export: the list's filters (parsed and validated as the list's) and the format. */
record AssetExportParams(
        @Parameter(description = "csv (default), xlsx or json") String format,
        @Parameter(name = "asset_type", description = "server, virtual_machine, database, application, service, network, "
                + "load_balancer, storage, container, other") @BindParam("asset_type") String assetType,
        @Parameter(description = "dev, staging, prod or test") String environment,
        @Parameter(description = "active, inactive, migrating or decommissioned") String status,
        @Parameter(description = "Assets carrying this tag") String tag,
        @Parameter(description = "low, medium, high or critical") String criticality,
        @Parameter(description = "Case-insensitive substring of the name, host name or an IP address") String search) {

    AssetListParams asListParams() {
        return new AssetListParams(null, null, null, null, assetType, environment, status, tag, criticality, search, null);
    }
}
