package io.migrationplatform.discovery.mapping;

import io.migrationplatform.assets.AssetField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The closed set of names a column may be mapped to. Derived from {@link AssetField} so that a field added to the
 * asset schema becomes a mapping target without touching this package.
 */
public final class MappingTargets {

    /** Not an asset field: the column names other rows (by name or id) this row depends on. */
    public static final String DEPENDENCIES = "dependencies";
    /** The catch-all: the value is kept under the source column name in the asset's free attributes. */
    public static final String ATTRIBUTES = AssetField.ATTRIBUTES.jsonName();

    private static final List<String> ALL;
    private static final Set<String> VALID;

    static {
        List<String> all = new ArrayList<>();
        for (AssetField field : AssetField.values()) {
            all.add(field.jsonName());
        }
        all.add(DEPENDENCIES);
        ALL = List.copyOf(all);
        VALID = Set.copyOf(all);
    }

    private MappingTargets() {
    }

    public static boolean isValid(String target) {
        return target != null && VALID.contains(target);
    }

    /** Every AssetField json name (attributes included) followed by "dependencies"; in a stable order. */
    public static List<String> all() {
        return ALL;
    }
}
