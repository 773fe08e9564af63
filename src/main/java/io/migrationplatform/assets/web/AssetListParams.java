package io.migrationplatform.assets.web;

import org.springframework.web.bind.annotation.BindParam;

/** Query parameters of the asset list (the seed's pagination and filter parameters). */
record AssetListParams(
        Integer page,
        @BindParam("page_size") Integer pageSize,
        @BindParam("sort_by") String sortBy,
        @BindParam("sort_order") String sortOrder,
        @BindParam("asset_type") String assetType,
        String environment,
        String status,
        String tag,
        String criticality,
        String search,
        @BindParam("include_dependencies") Boolean includeDependencies) {
}
