package io.migrationplatform.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's explainable answer for one asset. Everything a reviewer needs to see why is in it:
 * {@code reasons} lists every rule that fired, in order, with its effect and evidence.
 *
 * @param analysisId      this analysis (analyses are kept: an assessment's decisions point at theirs)
 * @param asOf            the day lifecycle statuses were judged on
 * @param rulesVersion    a digest of the rule tables, so stored analyses say which rules produced them
 * @param inputFingerprint a digest of the asset fields the engine read: the analysis is stale once it differs
 * @param readinessScore  0–100 behind {@code migrationReadiness} (100 = nothing in the way)
 * @param lifecycle       keys {@code operating_system}, {@code database}, {@code runtime}; a value is null when nothing was identified
 * @param dependencies    the seed's list: the assets this one depends on and those depending on it
 */
public record AssetAnalysis(
        UUID analysisId,
        UUID assetId,
        String assetName,
        LocalDate asOf,
        Instant analyzedAt,
        String rulesVersion,
        String inputFingerprint,
        int complexityScore,
        String migrationReadiness,
        int readinessScore,
        String recommendedStrategy,
        double confidence,
        List<StrategyOption> alternatives,
        Map<String, LifecycleStatus> lifecycle,
        List<Finding> risks,
        List<Finding> blockers,
        List<Reason> reasons,
        Effort effort,
        List<DependencyLink> dependencies,
        DependencyCounts dependencyCounts,
        List<String> recommendations) {

    /** A strategy the engine also considered, with its share of the evidence. */
    public record StrategyOption(String strategy, double confidence) {
    }

    /** The support state of a product found on the asset. */
    public record LifecycleStatus(String product, String category, String releaseCycle, String releaseLabel,
            LocalDate releaseDate, LocalDate endOfActiveSupport, LocalDate endOfLife, LocalDate endOfExtendedSupport,
            String status, String matchedFrom, String field) {
    }

    /**
     * A risk or blocker: what, how bad, and which field had which value. {@code appliesTo} lists the
     * strategies it concerns (empty = all): a blocker only lowers readiness when one of them is recommended.
     */
    public record Finding(String code, String severity, String message, List<Evidence> evidence, List<String> appliesTo) {
    }

    /** One input a rule looked at. {@code value} is the asset's raw value; {@code fact} what the engine made of it. */
    public record Evidence(String field, String value, String fact) {
    }

    /** One rule that fired: its id, what it changed, and why. */
    public record Reason(String rule, String effect, String message, List<Evidence> evidence) {
    }

    /**
     * T-shirt size and an estimate in person-days for the recommended strategy; {@code scale} is
     * the product of the effort factors of the rules that fired (size, criticality, packages).
     */
    public record Effort(String tShirt, double personDays, double scale) {

        /** XS under 2 days, S under 5, M under 15, L under 40, XL from 40. */
        public static String tShirtOf(double personDays) {
            if (personDays < 2) {
                return "XS";
            }
            if (personDays < 5) {
                return "S";
            }
            if (personDays < 15) {
                return "M";
            }
            return personDays < 40 ? "L" : "XL";
        }
    }

    /** A dependency edge seen from this asset. {@code direction}: {@code depends_on} or {@code dependent}. */
    public record DependencyLink(UUID assetId, String name, String assetType, String direction, String dependencyType) {
    }

    /** How connected the asset is; the engine's dependency rules use these. */
    public record DependencyCounts(int dependsOn, int dependents, boolean inCycle) {
    }

    /** The same analysis with its id and the dependency list filled in (the engine works from counts only). */
    public AssetAnalysis stored(UUID id, List<DependencyLink> links) {
        return new AssetAnalysis(id, assetId, assetName, asOf, analyzedAt, rulesVersion, inputFingerprint, complexityScore, migrationReadiness,
                readinessScore, recommendedStrategy, confidence, alternatives, lifecycle, risks, blockers, reasons, effort,
                List.copyOf(links), dependencyCounts, recommendations);
    }
}
