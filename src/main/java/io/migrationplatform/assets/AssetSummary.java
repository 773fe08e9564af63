package io.migrationplatform.assets;

import java.util.Map;

/** The seed's summary statistics plus the counts behind them. */
public record AssetSummary(long totalAssets, long activeAssets, long migratingAssets, long assetTypes, long environments,
                           Map<String, Long> byType, Map<String, Long> byEnvironment, Map<String, Long> byStatus,
                           Map<String, Long> byCriticality) {
}
