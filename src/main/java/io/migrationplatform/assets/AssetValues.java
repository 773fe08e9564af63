package io.migrationplatform.assets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Validated, normalised values for some asset fields (exactly those a request sent). */
public record AssetValues(Map<AssetField, Object> values) {

    public AssetValues {
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(AssetField.class) : new EnumMap<>(values));
    }

    public boolean has(AssetField field) {
        return values.containsKey(field);
    }

    public Object get(AssetField field) {
        return values.get(field);
    }
}
