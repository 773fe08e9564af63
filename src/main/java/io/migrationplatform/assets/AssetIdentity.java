package io.migrationplatform.assets;

import java.util.List;
import java.util.UUID;

/** What identifies an asset to an import (matching rows, resolving references), without the rest of the row. */
public record AssetIdentity(UUID id, String name, String externalId, String hostname, String fqdn, List<String> ipAddresses) {
}
