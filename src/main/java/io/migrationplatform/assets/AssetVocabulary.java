package io.migrationplatform.assets;

import java.util.List;

/** The closed vocabularies of asset fields. */
public final class AssetVocabulary {

    public static final List<String> ASSET_TYPES = List.of("server", "virtual_machine", "database", "application", "service",
            "network", "load_balancer", "storage", "container", "other");
    public static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod", "test");
    public static final List<String> STATUSES = List.of("active", "inactive", "migrating", "decommissioned");
    public static final List<String> CRITICALITIES = List.of("low", "medium", "high", "critical");
    public static final List<String> STRATEGIES = List.of("rehost", "replatform", "refactor", "repurchase", "retire", "retain",
            "relocate");

    private AssetVocabulary() {
    }
}
