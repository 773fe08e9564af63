package io.migrationplatform.analysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.analysis.AssetAnalysis;
import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * The golden set: realistic assets with the strategy and readiness a migration consultant expects
 * (src/test/resources/analysis/golden-assets.json, written independently of the rules, with the
 * reasoning for each case). Every case must agree; a rule change that breaks one must change the
 * case's expectation and its "why" in the same commit, on purpose.
 */
class GoldenSetTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
    private static final AnalysisEngine ENGINE = AnalysisEngine.load();

    record Case(String name, AssetAnalysis analysis, String expectedStrategy, String expectedReadiness) {
        boolean agrees() {
            return analysis.recommendedStrategy().equals(expectedStrategy) && analysis.migrationReadiness().equals(expectedReadiness);
        }

        @Override
        public String toString() {
            return String.format("%-38s expected %-10s %-7s got %-10s %-7s (readiness %d, complexity %d; rules: %s)", name,
                    expectedStrategy, expectedReadiness, analysis.recommendedStrategy(), analysis.migrationReadiness(),
                    analysis.readinessScore(), analysis.complexityScore(),
                    analysis.reasons().stream().map(r -> r.rule()).toList());
        }
    }

    static List<Case> cases() throws IOException {
        List<Map<String, Object>> raw;
        try (InputStream in = GoldenSetTest.class.getResourceAsStream("/analysis/golden-assets.json")) {
            raw = TestAssets.JSON.readValue(in, new TypeReference<List<Map<String, Object>>>() { });
        }
        List<Case> cases = new ArrayList<>();
        for (Map<String, Object> item : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> asset = (Map<String, Object>) item.get("asset");
            @SuppressWarnings("unchecked")
            Map<String, String> expected = (Map<String, String>) item.get("expected");
            DependencyCounts counts = new DependencyCounts(((Number) item.get("dependencies")).intValue(),
                    ((Number) item.get("dependents")).intValue(), Boolean.TRUE.equals(item.get("in_cycle")));
            AssetAnalysis analysis = ENGINE.analyze(TestAssets.fromJson(asset), counts, AS_OF, Instant.EPOCH);
            cases.add(new Case((String) item.get("case"), analysis, expected.get("strategy"), expected.get("readiness")));
        }
        return cases;
    }

    @Test
    void everyGoldenCaseGetsTheExpectedStrategyAndReadiness() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        List<Case> disagreements = cases.stream().filter(c -> !c.agrees()).toList();
        assertThat(disagreements).as("golden cases the engine disagrees with").isEmpty();
    }
}
