package io.migrationplatform.assets;

import io.migrationplatform.platform.error.ValidationException;
import java.util.List;
import java.util.Locale;

/** A whitelisted sort column and direction; the id breaks ties so pages are stable. */
public record AssetSort(String column, boolean descending) {

    public static final List<String> SORTABLE = List.of("name", "asset_type", "environment", "status", "criticality",
            "hostname", "six_r_strategy", "migration_wave", "cpu_cores", "memory_gb", "storage_gb", "created_at", "updated_at");

    public static AssetSort of(String sortBy, String sortOrder) {
        String column = sortBy == null || sortBy.isBlank() ? "name" : sortBy.strip().toLowerCase(Locale.ROOT);
        if (!SORTABLE.contains(column)) {
            throw ValidationException.of("sort_by", "Must be one of: " + String.join(", ", SORTABLE), "enum");
        }
        String order = sortOrder == null || sortOrder.isBlank() ? "asc" : sortOrder.strip().toLowerCase(Locale.ROOT);
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ValidationException.of("sort_order", "Must be asc or desc", "enum");
        }
        return new AssetSort(column, order.equals("desc"));
    }
}
