package io.migrationplatform.analysis;

import io.migrationplatform.analysis.engine.AnalysisEngine;
import io.migrationplatform.assets.Asset;

/** What other features may ask of the engine without running it. */
public final class AnalysisEngineFacts {

    private AnalysisEngineFacts() {
    }

    /** The digest of the asset fields the engine reads; an analysis whose {@code input_fingerprint} differs is stale. */
    public static String fingerprint(Asset asset) {
        return AnalysisEngine.fingerprint(asset);
    }
}
