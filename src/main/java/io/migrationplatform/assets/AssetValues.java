package io.migrationplatform.assets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    /** No value: null, an empty list or an empty object (a cleared field). */
    public static boolean isEmpty(Object value) {
        return value == null || (value instanceof List<?> l && l.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    /** Whether writing {@code b} over {@code a} changes nothing (16 and 16.0 are the same; empty is empty). */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (isEmpty(a) && isEmpty(b)) {
            return true;
        }
        return java.util.Objects.equals(a, b);
    }
}
