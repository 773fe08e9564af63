package io.migrationplatform.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** The int-array cycle count agrees with JGraphT's strongly connected components (what the dependency graph reports). */
class CycleCounterTest {

    @Test
    void agreesWithJGraphTOnRandomGraphs() {
        Random random = new Random(20261204);
        for (int round = 0; round < 300; round++) {
            int vertices = 1 + random.nextInt(60);
            int edges = random.nextInt(vertices * 3);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < vertices; i++) {
                ids.add(UUID.randomUUID());
            }
            CycleCounter counter = new CycleCounter();
            Graph<UUID, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
            for (int e = 0; e < edges; e++) {
                UUID from = ids.get(random.nextInt(vertices));
                UUID to = ids.get(random.nextInt(vertices));
                counter.add(from, to);
                graph.addVertex(from);
                graph.addVertex(to);
                graph.addEdge(from, to);
            }
            long expected = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                    .filter(c -> c.size() > 1).count();
            assertThat(counter.cycles()).as("round %d: %d vertices, %d edges", round, vertices, edges).isEqualTo(expected);
        }
    }

    @Test
    void longChainsAndOneBigCycleNeedNoRecursion() {
        CycleCounter chain = new CycleCounter();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            ids.add(UUID.randomUUID());
        }
        for (int i = 1; i < ids.size(); i++) {
            chain.add(ids.get(i - 1), ids.get(i));
        }
        assertThat(chain.cycles()).isZero();
        chain.add(ids.get(ids.size() - 1), ids.get(0));
        assertThat(chain.cycles()).isEqualTo(1);
        assertThat(new CycleCounter().cycles()).isZero();
    }
}
