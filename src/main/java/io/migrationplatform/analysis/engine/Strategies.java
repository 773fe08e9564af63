package io.migrationplatform.analysis.engine;

import io.migrationplatform.assets.AssetVocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 7Rs and their effort baselines from strategies.csv. Effort in person-days is the baseline
 * scaled by complexity: {@code base × (0.5 + 1.5 × complexity / 100)}, so a trivial asset costs
 * half the baseline and the most complex one twice it, times the effort factors of the rules that
 * fired (a commercial ERP, a critical system, a large one take longer whatever the strategy).
 */
final class Strategies {

    /** Strategy order for weights and for breaking ties: the cheapest credible move first. */
    static final List<String> ORDER = AssetVocabulary.STRATEGIES;

    private final double[] basePersonDays = new double[ORDER.size()];
    private final Map<String, String> descriptions = new HashMap<>();

    private Strategies() {
    }

    static Strategies load() {
        Strategies strategies = new Strategies();
        boolean[] seen = new boolean[ORDER.size()];
        for (RuleTables.Row row : RuleTables.read(RuleTables.STRATEGIES)) {
            int index = ORDER.indexOf(row.get("strategy"));
            if (index < 0) {
                throw new IllegalStateException("strategies.csv line " + row.line() + ": unknown strategy '" + row.get("strategy") + "'");
            }
            strategies.basePersonDays[index] = Double.parseDouble(row.get("base_person_days"));
            strategies.descriptions.put(row.get("strategy"), row.get("description"));
            seen[index] = true;
        }
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("strategies.csv: no row for " + ORDER.get(i));
            }
        }
        return strategies;
    }

    double personDays(int strategy, int complexity, double scale) {
        double days = basePersonDays[strategy] * (0.5 + 1.5 * complexity / 100.0) * scale;
        return Math.max(0.5, Math.round(days * 2) / 2.0);
    }

    /** XS under 2 days, S under 5, M under 15, L under 40, XL from 40. */
    static String tShirt(double personDays) {
        return io.migrationplatform.analysis.AssetAnalysis.Effort.tShirtOf(personDays);
    }

    String description(String strategy) {
        return descriptions.get(strategy);
    }
}
