package io.migrationplatform.assets;

import java.time.Instant;
import java.util.UUID;

/** A directed edge: {@code assetId} depends on {@code dependsOnAssetId}. */
public record Dependency(UUID id, UUID assetId, UUID dependsOnAssetId, String dependencyType, String criticality,
                         Integer port, String protocol, Instant createdAt) {
}
