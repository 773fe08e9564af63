package io.migrationplatform.assessments;

import io.migrationplatform.analysis.AssetAnalysis;
import java.time.Instant;
import java.util.UUID;

/**
 * The engine's answer for one asset of an assessment, and a reviewer's override beside it.
 * {@code finalStrategy} is the override's strategy when there is one, else the engine's, and
 * {@code finalEffortPersonDays} its effort (same complexity and effort factors, the chosen strategy's
 * baseline). Readiness and the rest stay the engine's judgement of its own recommendation.
 */
public record Decision(UUID assetId, String assetName, String recommendedStrategy, double confidence, String migrationReadiness,
        int readinessScore, int complexityScore, double effortPersonDays, String finalStrategy, double finalEffortPersonDays,
        Override override,
        AssetAnalysis analysis) {

    /** A human decision: the strategy chosen instead of the engine's, why, by whom and when. */
    public record Override(String strategy, String rationale, UUID by, Instant at) {
    }
}
