package io.migrationplatform.assets;

import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The seed's list filters (all optional, combined with AND). {@code search} matches name,
 * hostname or any IP address, case-insensitively.
 */
public record AssetFilter(String assetType, String environment, String status, String tag, String criticality,
                          String search) {

    public static AssetFilter none() {
        return new AssetFilter(null, null, null, null, null, null);
    }

    /**
     * The filter trimmed, lower-cased and checked against the list's vocabularies, so a typo in a
     * stored selection (an assessment's, a wave plan's scope) is a 422 rather than an empty result.
     * Errors name the fields under {@code prefix}, e.g. {@code scope.environment}.
     */
    public AssetFilter checked(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        AssetFilter clean = new AssetFilter(choice(prefix + ".asset_type", assetType, AssetVocabulary.ASSET_TYPES, errors),
                choice(prefix + ".environment", environment, AssetVocabulary.ENVIRONMENTS, errors),
                choice(prefix + ".status", status, AssetVocabulary.STATUSES, errors), blankToNull(tag),
                choice(prefix + ".criticality", criticality, AssetVocabulary.CRITICALITIES, errors), blankToNull(search));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return clean;
    }

    /** The filter as stored in a JSON column, with snake_case keys and no nulls. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("asset_type", assetType);
        map.put("environment", environment);
        map.put("status", status);
        map.put("tag", tag);
        map.put("criticality", criticality);
        map.put("search", search);
        map.values().removeIf(Objects::isNull);
        return map;
    }

    /** The inverse of {@link #toMap}; unknown keys are ignored. */
    public static AssetFilter fromMap(Map<?, ?> map) {
        return new AssetFilter(text(map, "asset_type"), text(map, "environment"), text(map, "status"), text(map, "tag"),
                text(map, "criticality"), text(map, "search"));
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static String choice(String field, String value, List<String> allowed, List<FieldError> errors) {
        String clean = blankToNull(value);
        if (clean == null) {
            return null;
        }
        clean = clean.toLowerCase(Locale.ROOT);
        if (!allowed.contains(clean)) {
            errors.add(new FieldError(field, "Must be one of: " + String.join(", ", allowed), "enum"));
        }
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
