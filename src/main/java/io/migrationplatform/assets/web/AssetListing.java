package io.migrationplatform.assets.web;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetSort;
import io.migrationplatform.assets.AssetVocabulary;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** The asset list, shared by {@code GET /assets} and {@code GET /asset-inventory/list/paginated}. */
final class AssetListing {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    private AssetListing() {
    }

    static ApiResponse<List<Object>> page(AssetService assets, DependencyService dependencies, TenantScope scope,
                                          AssetListParams params) {
        PageParams page = PageParams.of(params.page(), params.pageSize());
        AssetSort sort = AssetSort.of(params.sortBy(), params.sortOrder());
        AssetService.Page<Asset> result = assets.list(scope, filter(params), sort, page);
        List<Object> items = new ArrayList<>(result.items());
        if (Boolean.TRUE.equals(params.includeDependencies()) && !result.items().isEmpty()) {
            Map<UUID, DependencyService.AssetDependencies> deps =
                    dependencies.forAssets(scope, result.items().stream().map(Asset::id).toList());
            items = new ArrayList<>();
            for (Asset asset : result.items()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> withDeps = JSON.convertValue(asset, LinkedHashMap.class);
                withDeps.put("dependencies", JSON.convertValue(deps.get(asset.id()), Map.class));
                items.add(withDeps);
            }
        }
        return ApiResponse.page(items, page, result.total(), "assets");
    }

    static AssetFilter filter(AssetListParams params) {
        List<FieldError> errors = new ArrayList<>();
        String type = choice("asset_type", params.assetType(), AssetVocabulary.ASSET_TYPES, errors);
        if (type != null) {
            type = type.replace(' ', '_').replace('-', '_');
            if (!AssetVocabulary.ASSET_TYPES.contains(type)) {
                errors.add(new FieldError("asset_type", "Must be one of: " + String.join(", ", AssetVocabulary.ASSET_TYPES), "enum"));
            }
        }
        String environment = choice("environment", params.environment(), AssetVocabulary.ENVIRONMENTS, errors);
        String status = choice("status", params.status(), AssetVocabulary.STATUSES, errors);
        String criticality = choice("criticality", params.criticality(), AssetVocabulary.CRITICALITIES, errors);
        String tag = text("tag", params.tag(), 64, errors);
        String search = text("search", params.search(), 255, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AssetFilter(type, environment, status, tag, criticality, search);
    }

    private static String choice(String name, String value, List<String> choices, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("asset_type") && !choices.contains(normalised)) {
            errors.add(new FieldError(name, "Must be one of: " + String.join(", ", choices), "enum"));
        }
        return normalised;
    }

    private static String text(String name, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max || stripped.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(name, "At most " + max + " characters, no NUL", "value_error"));
        }
        return stripped;
    }
}
