package io.migrationplatform.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.planning.engine.WavePlanner.Options;
import io.migrationplatform.planning.engine.WavePlanner.Plan;
import io.migrationplatform.planning.engine.WavePlanner.PlanAsset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Graph shapes a planner meets: chains, diamonds, cycles, islands, oversize cycles, external dependencies, pilots. */
class WavePlannerTest {

    private final Map<String, PlanAsset> assets = new LinkedHashMap<>();

    /** Declares {@code name} depending on {@code deps}; strategy and criticality optional via name suffixes. */
    private void assetWith(String name, String criticality, String strategy, String... deps) {
        List<UUID> ids = new ArrayList<>();
        for (String dep : deps) {
            ids.add(id(dep));
        }
        assets.put(name, new PlanAsset(id(name), name, "server", criticality, strategy, ids));
    }

    private void asset(String name, String... deps) {
        assetWith(name, "high", null, deps);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private Plan plan(int capacity, boolean pilot) {
        return WavePlanner.plan(List.copyOf(assets.values()),
                new Options(capacity, LocalDate.of(2027, 1, 4), 14, 7, Set.of("retire", "retain"), pilot));
    }

    private static int waveOf(Plan plan, String name) {
        return plan.waves().stream().filter(w -> w.assetIds().contains(id(name))).findFirst().orElseThrow().waveNumber();
    }

    @Test
    void aChainMovesDependencyFirst() {
        asset("app", "api");
        asset("api", "db");
        asset("db");
        Plan plan = plan(10, false);
        assertThat(List.of(waveOf(plan, "db"), waveOf(plan, "api"), waveOf(plan, "app"))).containsExactly(1, 2, 3);
    }

    @Test
    void aDiamondPutsBothMiddlesTogether() {
        asset("top", "left", "right");
        asset("left", "bottom");
        asset("right", "bottom");
        asset("bottom");
        Plan plan = plan(10, false);
        assertThat(waveOf(plan, "bottom")).isEqualTo(1);
        assertThat(waveOf(plan, "left")).isEqualTo(2).isEqualTo(waveOf(plan, "right"));
        assertThat(waveOf(plan, "top")).isEqualTo(3);
    }

    @Test
    void aCycleMovesInOneWaveAfterWhatItNeeds() {
        asset("web", "db");
        asset("db", "web", "storage");
        asset("storage");
        Plan plan = plan(10, false);
        assertThat(waveOf(plan, "web")).isEqualTo(waveOf(plan, "db")).isEqualTo(2);
        assertThat(waveOf(plan, "storage")).isEqualTo(1);
        assertThat(plan.groups()).isEqualTo(2);
    }

    @Test
    void islandsShareWavesUpToTheCapacity() {
        for (int i = 0; i < 7; i++) {
            asset("island-" + i);
        }
        Plan plan = plan(3, false);
        assertThat(plan.waves()).extracting(w -> w.assetIds().size()).containsExactly(3, 3, 1);
    }

    @Test
    void anOversizeCycleIsPlacedAloneAndReportedNeverSplit() {
        asset("a", "b");
        asset("b", "c");
        asset("c", "a");
        asset("d");
        Plan plan = plan(2, false);
        int cycleWave = waveOf(plan, "a");
        assertThat(waveOf(plan, "b")).isEqualTo(cycleWave);
        assertThat(waveOf(plan, "c")).isEqualTo(cycleWave);
        assertThat(plan.waves().get(cycleWave - 1).assetIds()).hasSize(3);
        assertThat(waveOf(plan, "d")).isNotEqualTo(cycleWave);
        assertThat(plan.warnings()).singleElement().asString().contains("3 assets exceeds the wave capacity of 2");
    }

    @Test
    void dependenciesOnExcludedOrUnknownAssetsAreConstraints() {
        asset("app", "old-db", "partner");
        assetWith("old-db", "low", "retire");
        Plan plan = plan(10, false);
        assertThat(plan.plannedAssets()).isEqualTo(1);
        assertThat(plan.excludedAssets()).isEqualTo(1);
        assertThat(plan.constraints()).extracting(WavePlanner.Constraint::reason)
                .containsExactlyInAnyOrder(WavePlanner.EXCLUDED_BY_STRATEGY, WavePlanner.OUTSIDE_SCOPE);
        assertThat(plan.constraints()).extracting(WavePlanner.Constraint::strategy).containsExactlyInAnyOrder("retire", null);
    }

    @Test
    void aPilotTakesLowRiskIsolatedAssetsFirstAndWavesGetDates() {
        assetWith("lonely-low", "low", null);
        assetWith("lonely-high", "high", null);
        assetWith("app", "low", null, "db");
        assetWith("db", "low", null);
        Plan plan = plan(10, true);
        assertThat(plan.waves().get(0).pilot()).isTrue();
        assertThat(plan.waves().get(0).assetIds()).containsExactly(id("lonely-low"));
        assertThat(waveOf(plan, "db")).isEqualTo(2);
        assertThat(waveOf(plan, "app")).isEqualTo(3);
        assertThat(plan.waves().get(1).startDate()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(plan.waves().get(1).endDate()).isEqualTo(LocalDate.of(2027, 2, 7));
    }

    @Test
    void aPilotNeverTakesAnAssetTiedToAnythingOrOfUnknownCriticality() {
        assetWith("unknown-criticality", null, null);
        assetWith("needs-retired", "low", null, "retired");
        assetWith("retired", "low", "retire");
        assetWith("needs-outside", "low", null, "not-in-selection");
        assetWith("needed-by-retired", "low", null);
        assetWith("retired-client", "low", "retire", "needed-by-retired");
        assetWith("needed-from-outside", "medium", null);
        assetWith("truly-alone", "medium", null);
        Plan plan = WavePlanner.plan(List.copyOf(assets.values()),
                new Options(10, LocalDate.of(2027, 1, 4), 14, 7, Set.of("retire", "retain"), true), Set.of(id("needed-from-outside")));
        assertThat(plan.waves().get(0).pilot()).isTrue();
        assertThat(plan.waves().get(0).assetIds()).containsExactly(id("truly-alone"));
    }

    @Test
    void openWavesSkipClosedOnesAndGrowOnDemand() {
        WavePlanner.OpenWaves open = new WavePlanner.OpenWaves();
        assertThat(open.from(0)).isZero();
        open.close(0);
        open.close(1);
        open.close(3);
        assertThat(open.from(0)).isEqualTo(2);
        assertThat(open.from(3)).isEqualTo(4);
        open.close(2);
        assertThat(open.from(0)).isEqualTo(4);
        assertThat(open.from(1_000)).as("far past the array").isEqualTo(1_000);
        for (int w = 4; w < 200; w++) {
            open.close(w);
        }
        assertThat(open.from(1)).isEqualTo(200);
    }

    @Test
    void duplicateDependenciesCountOnce() {
        asset("db");
        asset("app", "db", "db", "db");
        Plan plan = plan(10, false);
        assertThat(waveOf(plan, "app")).isEqualTo(waveOf(plan, "db") + 1);
        assertThat(plan.constraints()).isEmpty();
    }
}
