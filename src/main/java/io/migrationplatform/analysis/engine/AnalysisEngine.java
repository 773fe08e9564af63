package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.analysis.AssetAnalysis.Effort;
import io.migrationplatform.analysis.AssetAnalysis.Evidence;
import io.migrationplatform.analysis.AssetAnalysis.Finding;
import io.migrationplatform.analysis.AssetAnalysis.Reason;
import io.migrationplatform.analysis.AssetAnalysis.StrategyOption;
import io.migrationplatform.analysis.lifecycle.LifecycleCatalog;
import io.migrationplatform.assets.Asset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The deterministic, explainable assessment of one asset. It applies every rule of rules.csv in
 * file order; each rule that fires adds strategy weights, complexity points and readiness
 * penalties, and may report a risk or blocker. Then:
 * <ul>
 *   <li>the strategy with the highest total weight wins (ties go to the earlier strategy of
 *       {@link Strategies#ORDER}); its confidence is its share of all positive weight, and the other
 *       strategies with positive weight are the alternatives;</li>
 *   <li>complexity is the sum of points, clamped to 0–100;</li>
 *   <li>readiness is judged for the recommended strategy: {@code unknown} if a rule says so (too
 *       little data), {@code low} if a blocker concerns the recommended strategy, otherwise from the readiness score
 *       (100 minus the penalties of rules that concern the recommended strategy): 80 and above {@code high}, 50 and above {@code medium}, else {@code low}.</li>
 * </ul>
 * Same asset, same counts, same day → same answer. No I/O; thread-safe; ~µs per asset.
 */
public final class AnalysisEngine {

    /** Readiness score thresholds: high from 80, medium from 50. */
    static final int HIGH = 80;
    static final int MEDIUM = 50;

    private final FactExtractor extractor;
    private final RuleSet rules;
    private final Strategies strategies;
    private final String rulesVersion;
    /** Each rule's effect text, when it concerns the recommended strategy and when it does not: built once. */
    private final java.util.Map<Rule, String[]> effects = new java.util.IdentityHashMap<>();

    AnalysisEngine(FactExtractor extractor, RuleSet rules, Strategies strategies, String rulesVersion) {
        this.extractor = extractor;
        this.rules = rules;
        this.strategies = strategies;
        this.rulesVersion = rulesVersion;
        for (Rule rule : rules.rules()) {
            effects.put(rule, new String[] {effect(rule, true), effect(rule, false)});
        }
    }

    /** The engine on the shipped tables; fails with the offending line if a table is wrong. */
    public static AnalysisEngine load() {
        return new AnalysisEngine(new FactExtractor(LifecycleCatalog.load(), TechnologyKeywords.load()), RuleSet.load(),
                Strategies.load(), RuleTables.version());
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    /** The effort of a strategy for an analysed asset (an override's), from its complexity and effort scale. */
    public AssetAnalysis.Effort effort(String strategy, int complexity, double scale) {
        int index = Strategies.ORDER.indexOf(strategy);
        if (index < 0) {
            throw new IllegalArgumentException("Unknown strategy " + strategy);
        }
        double days = strategies.personDays(index, complexity, scale);
        return new Effort(Strategies.tShirt(days), days, scale);
    }

    /**
     * A digest of everything the engine reads from an asset: an analysis is stale when the asset's
     * digest changed, not when a field the engine ignores did (six_r_strategy set by an approval).
     */
    public static String fingerprint(Asset asset) {
        String inputs = String.join("\u0001", String.valueOf(asset.name()), String.valueOf(asset.assetType()),
                String.valueOf(asset.environment()), String.valueOf(asset.status()), String.valueOf(asset.attributes()),
                String.valueOf(asset.tags()), String.valueOf(asset.operatingSystem()), String.valueOf(asset.osVersion()),
                String.valueOf(asset.cpuCores()), String.valueOf(asset.memoryGb()), String.valueOf(asset.storageGb()),
                String.valueOf(asset.cpuUtilizationPct()), String.valueOf(asset.memoryUtilizationPct()),
                String.valueOf(asset.applicationName()), String.valueOf(asset.technologyStack()), String.valueOf(asset.databaseType()),
                String.valueOf(asset.databaseVersion()), String.valueOf(asset.businessOwner()), String.valueOf(asset.technicalOwner()),
                String.valueOf(asset.criticality()));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public AssetAnalysis analyze(Asset asset, DependencyCounts counts, LocalDate asOf, Instant analyzedAt) {
        FactSheet facts = extractor.extract(asset, counts, asOf);
        double[] scores = new double[Strategies.ORDER.size()];
        double complexity = 0;
        double scale = 1;
        double readinessScore = 100;
        boolean readinessUnknown = false;
        List<Finding> risks = new ArrayList<>();
        List<Finding> blockers = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        Set<String> recommendations = new LinkedHashSet<>();

        List<Rule> fired = new ArrayList<>();
        List<List<Evidence>> firedEvidence = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (!rule.when().test(facts)) {
                continue;
            }
            fired.add(rule);
            for (int i = 0; i < scores.length; i++) {
                scores[i] += rule.weights()[i];
            }
            complexity += rule.complexity();
            scale *= rule.effortFactor();
        }
        int best = best(scores);
        String strategy = Strategies.ORDER.get(best);

        boolean blocked = false;
        for (Rule rule : fired) {
            boolean concerned = rule.concerns(strategy);
            if (concerned) {
                readinessScore -= rule.readinessPenalty();
                readinessUnknown |= rule.readinessUnknown();
            }
            List<Evidence> evidence = rule.when().evidence(facts);
            String message = rule.message().render(facts);
            if (rule.finding() != Rule.Finding.NONE) {
                Finding finding = new Finding(rule.id(), rule.severity(), message, evidence, rule.appliesToInOrder());
                (rule.finding() == Rule.Finding.BLOCKER ? blockers : risks).add(finding);
                blocked |= rule.finding() == Rule.Finding.BLOCKER && concerned;
            }
            if (!rule.recommendation().isEmpty()) {
                recommendations.add(rule.recommendation().render(facts));
            }
            reasons.add(new Reason(rule.id(), effects.get(rule)[concerned ? 0 : 1], message.isEmpty() ? rule.when().toString() : message, evidence));
        }

        double positive = 0;
        for (double score : scores) {
            positive += Math.max(0, score);
        }
        List<StrategyOption> alternatives = alternatives(scores, best, positive);
        int complexityScore = (int) Math.round(Math.max(0, Math.min(100, complexity)));
        int readiness = (int) Math.round(Math.max(0, Math.min(100, readinessScore)));
        String level = readinessUnknown ? "unknown" : blocked ? "low" : readiness >= HIGH ? "high" : readiness >= MEDIUM ? "medium" : "low";
        double days = strategies.personDays(best, complexityScore, scale);

        return new AssetAnalysis(null, asset.id(), asset.name(), asOf, analyzedAt, rulesVersion, fingerprint(asset), complexityScore, level, readiness,
                strategy, positive == 0 ? 0 : round2(Math.max(0, scores[best]) / positive), alternatives, facts.lifecycle(),
                List.copyOf(risks), List.copyOf(blockers), List.copyOf(reasons), new Effort(Strategies.tShirt(days), days, Math.round(scale * 1000) / 1000.0),
                List.of(), counts, List.copyOf(recommendations));
    }

    private static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    private static List<StrategyOption> alternatives(double[] scores, int best, double positive) {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (i != best && scores[i] > 0) {
                others.add(i);
            }
        }
        others.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        List<StrategyOption> options = new ArrayList<>(others.size());
        for (int i : others) {
            options.add(new StrategyOption(Strategies.ORDER.get(i), round2(scores[i] / positive)));
        }
        return List.copyOf(options);
    }

    /** "refactor +3, rehost -2; complexity +25; readiness -30; blocker (critical)". */
    static String effect(Rule rule, boolean concerned) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rule.weights().length; i++) {
            double w = rule.weights()[i];
            if (w != 0) {
                out.append(out.length() == 0 ? "" : ", ").append(Strategies.ORDER.get(i)).append(' ').append(signed(w));
            }
        }
        if (rule.complexity() != 0) {
            out.append(out.length() == 0 ? "" : "; ").append("complexity ").append(signed(rule.complexity()));
        }
        if (rule.effortFactor() != 1) {
            out.append(out.length() == 0 ? "" : "; ").append("effort ×").append(FactSheet.format(rule.effortFactor()));
        }
        if (rule.readinessUnknown()) {
            out.append(out.length() == 0 ? "" : "; ").append("readiness unknown");
        } else if (rule.readinessPenalty() != 0) {
            out.append(out.length() == 0 ? "" : "; ").append("readiness ").append(signed(-rule.readinessPenalty()));
        }
        if (!concerned && (rule.readinessPenalty() != 0 || rule.finding() == Rule.Finding.BLOCKER)) {
            out.append(" (not for this strategy)");
        }
        if (rule.finding() != Rule.Finding.NONE) {
            out.append(out.length() == 0 ? "" : "; ").append(rule.finding().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" (").append(rule.severity()).append(')');
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + FactSheet.format(value);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
