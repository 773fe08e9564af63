package io.migrationplatform.assets;

import java.util.UUID;

/** The few fields of an asset that planning and summaries need, read without the rest of the row. */
public record AssetBrief(UUID id, String name, String assetType, String environment, String criticality, String sixRStrategy) {
}
