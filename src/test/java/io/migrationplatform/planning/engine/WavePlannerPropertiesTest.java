package io.migrationplatform.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.planning.engine.WavePlanner.Options;
import io.migrationplatform.planning.engine.WavePlanner.Plan;
import io.migrationplatform.planning.engine.WavePlanner.PlanAsset;
import io.migrationplatform.planning.engine.WavePlanner.Wave;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * For random dependency graphs: no asset is planned before one of its dependencies outside its own
 * cycle, every cycle sits in one wave, every asset is planned once, and no wave exceeds the
 * capacity unless it holds a single oversize cycle.
 */
class WavePlannerPropertiesTest {

    @Property(tries = 300)
    void wavesRespectDependenciesCyclesAndCapacity(@ForAll @IntRange(min = 1, max = 120) int assets,
                                                   @ForAll @IntRange(min = 0, max = 300) int edges,
                                                   @ForAll @IntRange(min = 1, max = 15) int capacity,
                                                   @ForAll long seed, @ForAll boolean pilot) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        Map<UUID, List<UUID>> deps = new HashMap<>();
        for (int i = 0; i < assets; i++) {
            UUID id = new UUID(seed, i);
            ids.add(id);
            deps.put(id, new ArrayList<>());
        }
        for (int e = 0; e < edges; e++) {
            deps.get(ids.get(random.nextInt(assets))).add(ids.get(random.nextInt(assets)));
        }
        List<PlanAsset> input = new ArrayList<>();
        for (int i = 0; i < assets; i++) {
            input.add(new PlanAsset(ids.get(i), "a" + i, "server", random.nextBoolean() ? "low" : "high", null, deps.get(ids.get(i))));
        }
        Plan plan = WavePlanner.plan(input, new Options(capacity, LocalDate.of(2027, 1, 4), 14, 7, Set.of(), pilot));

        Map<UUID, Integer> waveOf = new HashMap<>();
        for (Wave wave : plan.waves()) {
            for (UUID id : wave.assetIds()) {
                assertThat(waveOf.put(id, wave.waveNumber())).as("planned once").isNull();
            }
        }
        assertThat(waveOf.keySet()).containsExactlyInAnyOrderElementsOf(ids);

        Graph<UUID, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        ids.forEach(graph::addVertex);
        deps.forEach((from, targets) -> targets.stream().filter(to -> !to.equals(from)).forEach(to -> graph.addEdge(from, to)));
        Map<UUID, Set<UUID>> cycleOf = new HashMap<>();
        for (Set<UUID> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            Set<Integer> wavesOfCycle = new HashSet<>();
            component.forEach(id -> {
                cycleOf.put(id, component);
                wavesOfCycle.add(waveOf.get(id));
            });
            assertThat(wavesOfCycle).as("a cycle moves together").hasSize(1);
        }
        deps.forEach((from, targets) -> {
            for (UUID to : targets) {
                if (!cycleOf.get(from).contains(to)) {
                    assertThat(waveOf.get(to)).as("a dependency is planned before its dependent").isLessThan(waveOf.get(from));
                }
            }
        });
        for (Wave wave : plan.waves()) {
            if (wave.assetIds().size() > capacity) {
                Set<UUID> cycle = cycleOf.get(wave.assetIds().get(0));
                assertThat(Set.copyOf(wave.assetIds())).as("only a single oversize cycle may exceed the capacity").isEqualTo(cycle);
            }
            assertThat(wave.assetIds()).as("no empty wave").isNotEmpty();
        }
    }
}
