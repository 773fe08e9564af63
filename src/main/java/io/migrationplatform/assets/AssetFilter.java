package io.migrationplatform.assets;

/**
 * The seed's list filters (all optional, combined with AND). {@code search} matches name,
 * hostname or any IP address, case-insensitively.
 */
public record AssetFilter(String assetType, String environment, String status, String tag, String criticality,
                          String search) {

    public static AssetFilter none() {
        return new AssetFilter(null, null, null, null, null, null);
    }
}
