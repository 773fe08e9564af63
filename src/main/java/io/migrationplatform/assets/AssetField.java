package io.migrationplatform.assets;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every field a client (or an import) may write, with its type and limits. The JSON name is also
 * the column name, so SQL is built from this enum only — never from request text.
 */
public enum AssetField {
    NAME("name", Kind.TEXT, 255, 0, null, Asset::name),
    ASSET_TYPE("asset_type", Kind.CHOICE, 32, 0, AssetVocabulary.ASSET_TYPES, Asset::assetType),
    ENVIRONMENT("environment", Kind.CHOICE, 16, 0, AssetVocabulary.ENVIRONMENTS, Asset::environment),
    STATUS("status", Kind.CHOICE, 16, 0, AssetVocabulary.STATUSES, Asset::status),
    ATTRIBUTES("attributes", Kind.OBJECT, 65_536, 0, null, Asset::attributes),
    TAGS("tags", Kind.TEXT_LIST, 64, 50, null, Asset::tags),
    EXTERNAL_ID("external_id", Kind.TEXT, 255, 0, null, Asset::externalId),
    HOSTNAME("hostname", Kind.TEXT, 255, 0, null, Asset::hostname),
    FQDN("fqdn", Kind.TEXT, 255, 0, null, Asset::fqdn),
    IP_ADDRESSES("ip_addresses", Kind.IP_LIST, 45, 32, null, Asset::ipAddresses),
    OPERATING_SYSTEM("operating_system", Kind.TEXT, 255, 0, null, Asset::operatingSystem),
    OS_VERSION("os_version", Kind.TEXT, 255, 0, null, Asset::osVersion),
    CPU_CORES("cpu_cores", Kind.INTEGER, 0, 100_000, null, Asset::cpuCores),
    MEMORY_GB("memory_gb", Kind.DECIMAL, 0, 10_000_000, null, Asset::memoryGb),
    STORAGE_GB("storage_gb", Kind.DECIMAL, 0, 10_000_000_000L, null, Asset::storageGb),
    CPU_UTILIZATION_PCT("cpu_utilization_pct", Kind.DECIMAL, 0, 100, null, Asset::cpuUtilizationPct),
    MEMORY_UTILIZATION_PCT("memory_utilization_pct", Kind.DECIMAL, 0, 100, null, Asset::memoryUtilizationPct),
    APPLICATION_NAME("application_name", Kind.TEXT, 255, 0, null, Asset::applicationName),
    TECHNOLOGY_STACK("technology_stack", Kind.TEXT_LIST, 100, 50, null, Asset::technologyStack),
    DATABASE_TYPE("database_type", Kind.TEXT, 255, 0, null, Asset::databaseType),
    DATABASE_VERSION("database_version", Kind.TEXT, 255, 0, null, Asset::databaseVersion),
    BUSINESS_OWNER("business_owner", Kind.TEXT, 255, 0, null, Asset::businessOwner),
    TECHNICAL_OWNER("technical_owner", Kind.TEXT, 255, 0, null, Asset::technicalOwner),
    DEPARTMENT("department", Kind.TEXT, 255, 0, null, Asset::department),
    LOCATION("location", Kind.TEXT, 255, 0, null, Asset::location),
    CRITICALITY("criticality", Kind.CHOICE, 16, 0, AssetVocabulary.CRITICALITIES, Asset::criticality),
    SIX_R_STRATEGY("six_r_strategy", Kind.CHOICE, 16, 0, AssetVocabulary.STRATEGIES, Asset::sixRStrategy),
    MIGRATION_WAVE("migration_wave", Kind.INTEGER, 1, 100_000, null, Asset::migrationWave);

    /** How a field is validated and stored. */
    public enum Kind { TEXT, CHOICE, OBJECT, TEXT_LIST, IP_LIST, INTEGER, DECIMAL }

    /** Fields the server owns: a request that sends one is refused, never trusted. */
    public static final List<String> READ_ONLY = List.of("id", "client_account_id", "engagement_id", "created_at", "updated_at",
            "created_by", "updated_by", "version");

    private static final Map<String, AssetField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AssetField::jsonName, f -> f));

    private final String jsonName;
    private final Kind kind;
    private final long limitA;
    private final long limitB;
    private final List<String> choices;
    private final Function<Asset, Object> reader;

    AssetField(String jsonName, Kind kind, long limitA, long limitB, List<String> choices, Function<Asset, Object> reader) {
        this.jsonName = jsonName;
        this.kind = kind;
        this.limitA = limitA;
        this.limitB = limitB;
        this.choices = choices;
        this.reader = reader;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Also the column name. */
    public String column() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    /** For text: the maximum length; for lists: the maximum length of one item; for numbers: the minimum. */
    public long limitA() {
        return limitA;
    }

    /** For lists: the maximum number of items; for numbers: the maximum. */
    public long limitB() {
        return limitB;
    }

    public List<String> choices() {
        return choices;
    }

    Object read(Asset asset) {
        return reader.apply(asset);
    }

    public static Optional<AssetField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
