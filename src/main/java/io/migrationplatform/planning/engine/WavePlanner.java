package io.migrationplatform.planning.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Dependency-aware wave planning. Rules, in order:
 * <ol>
 *   <li>Assets excluded by strategy (e.g. retire, retain) are not planned; a dependency on one, or on an
 *       asset outside the selection, is reported as an external constraint.</li>
 *   <li>Assets in a dependency cycle (a strongly connected component) form one group and move together.</li>
 *   <li>A group lands in a wave strictly after every group it depends on (the database before the
 *       servers that need it), in the earliest such wave with room for the whole group.</li>
 *   <li>A group larger than the wave capacity is placed alone in a wave of its own and reported —
 *       never split.</li>
 *   <li>With a pilot, wave 1 holds a few low-risk assets: no dependencies either way, low or medium
 *       criticality.</li>
 * </ol>
 * Pure and deterministic (ties broken by name then id); JGraphT finds the components and the order.
 */
public final class WavePlanner {

    public static final int PILOT_SIZE = 5;

    /** One asset to plan. {@code dependsOn} may name assets that are not planned. */
    public record PlanAsset(UUID id, String name, String assetType, String criticality, String strategy, List<UUID> dependsOn) {
    }

    public record Options(int maxAssetsPerWave, LocalDate startDate, int waveDurationDays, int gapDays, Set<String> excludeStrategies,
                          boolean pilot) {
    }

    /**
     * A dependency that leaves the plan: on an asset {@value #EXCLUDED_BY_STRATEGY} (then {@code strategy} says which)
     * or {@value #OUTSIDE_SCOPE} of the selection.
     */
    public record Constraint(UUID assetId, UUID dependsOnAssetId, String reason, String strategy) {
    }

    public static final String EXCLUDED_BY_STRATEGY = "excluded_by_strategy";
    public static final String OUTSIDE_SCOPE = "outside_scope";

    public record Wave(int waveNumber, LocalDate startDate, LocalDate endDate, boolean pilot, List<UUID> assetIds) {
    }

    /** {@code cycles}: the planned assets of every dependency cycle (each moves as one group), largest first. */
    public record Plan(List<Wave> waves, List<Constraint> constraints, List<String> warnings, int plannedAssets, int excludedAssets,
                       int groups, List<List<UUID>> cycles) {
    }

    private WavePlanner() {
    }

    /** Plans {@code assets}; a dependency on an id not among them is an {@value #OUTSIDE_SCOPE} constraint. */
    public static Plan plan(List<PlanAsset> assets, Options options) {
        return plan(assets, options, Set.of());
    }

    /**
     * As {@link #plan(List, Options)}; {@code neededFromOutside} names assets that something outside the selection depends
     * on (the planner cannot see those edges): they are never pilot candidates.
     */
    public static Plan plan(List<PlanAsset> assets, Options options, Set<UUID> neededFromOutside) {
        if (options.maxAssetsPerWave() < 1) {
            throw new IllegalArgumentException("max_assets_per_wave must be at least 1");
        }
        Map<UUID, PlanAsset> byId = new HashMap<>();
        List<PlanAsset> planned = new ArrayList<>();
        int excluded = 0;
        for (PlanAsset asset : assets) {
            byId.put(asset.id(), asset);
            if (asset.strategy() != null && options.excludeStrategies().contains(asset.strategy())) {
                excluded++;
            } else {
                planned.add(asset);
            }
        }
        planned.sort(Comparator.comparing((PlanAsset a) -> a.name() == null ? "" : a.name()).thenComparing(PlanAsset::id));
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            index.put(planned.get(i).id(), i);
        }

        List<Constraint> constraints = new ArrayList<>();
        Graph<Integer, DefaultEdge> graph = new LeanDirectedGraph();
        for (int i = 0; i < planned.size(); i++) {
            graph.addVertex(i);
        }
        int[] dependents = new int[planned.size()];
        for (int i = 0; i < planned.size(); i++) {
            PlanAsset asset = planned.get(i);
            for (UUID target : distinct(asset.dependsOn())) {
                Integer j = index.get(target);
                if (j == null) {
                    PlanAsset other = byId.get(target);
                    constraints.add(other != null ? new Constraint(asset.id(), target, EXCLUDED_BY_STRATEGY, other.strategy())
                            : new Constraint(asset.id(), target, OUTSIDE_SCOPE, null));
                } else if (j != i) {
                    graph.addEdge(i, j);
                    dependents[j]++;
                }
            }
        }

        // Groups: strongly connected components (a cycle moves together).
        int[] groupOf = new int[planned.size()];
        List<List<Integer>> groups = new ArrayList<>();
        for (Set<Integer> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            List<Integer> members = new ArrayList<>(component);
            members.sort(null);
            for (int member : members) {
                groupOf[member] = groups.size();
            }
            groups.add(members);
        }
        // The condensed graph may hold an edge twice (two assets of a group needing the same group): the
        // order does not mind, and not looking edges up keeps it cheap.
        Graph<Integer, DefaultEdge> condensed = new LeanDirectedGraph();
        for (int g = 0; g < groups.size(); g++) {
            condensed.addVertex(g);
        }
        for (DefaultEdge edge : graph.edgeSet()) {
            int from = groupOf[graph.getEdgeSource(edge)];
            int to = groupOf[graph.getEdgeTarget(edge)];
            if (from != to) {
                condensed.addEdge(from, to);
            }
        }
        // Edges point from an asset to what it needs: the topological order lists dependents first, so
        // walk it backwards to place every group after the groups it depends on.
        List<Integer> order = new ArrayList<>(groups.size());
        new TopologicalOrderIterator<>(condensed, Comparator.comparingInt((Integer g) -> groups.get(g).get(0)).reversed())
                .forEachRemaining(order::add);

        List<String> warnings = new ArrayList<>();
        List<List<Integer>> waves = new ArrayList<>();
        OpenWaves open = new OpenWaves();
        int[] waveOfGroup = new int[groups.size()];
        int firstRegular = 0;
        if (options.pilot()) {
            // A pilot asset touches nothing: no dependency at all (planned, excluded or outside), nothing depending on it
            // (planned, excluded or outside), and a known low or medium criticality.
            Set<UUID> needed = new HashSet<>(neededFromOutside);
            for (PlanAsset asset : assets) {
                if (!index.containsKey(asset.id())) {
                    needed.addAll(asset.dependsOn());
                }
            }
            List<Integer> pilot = new ArrayList<>();
            for (int i = 0; i < planned.size() && pilot.size() < Math.min(PILOT_SIZE, options.maxAssetsPerWave()); i++) {
                PlanAsset candidate = planned.get(i);
                String criticality = candidate.criticality();
                if (candidate.dependsOn().isEmpty() && dependents[i] == 0 && !needed.contains(candidate.id())
                        && ("low".equals(criticality) || "medium".equals(criticality))) {
                    pilot.add(i);
                }
            }
            if (pilot.isEmpty()) {
                warnings.add("No pilot wave: no low- or medium-criticality asset without any dependency either way was found");
            } else {
                waves.add(new ArrayList<>(pilot));
                open.close(0); // the pilot takes nothing else
                for (int i : pilot) {
                    waveOfGroup[groupOf[i]] = 0;
                }
                firstRegular = 1;
            }
        }
        Set<Integer> pilotGroups = new HashSet<>();
        if (firstRegular == 1) {
            waves.get(0).forEach(i -> pilotGroups.add(groupOf[i]));
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            int group = order.get(k);
            if (pilotGroups.contains(group)) {
                continue;
            }
            int earliest = firstRegular;
            for (DefaultEdge edge : condensed.outgoingEdgesOf(group)) {
                earliest = Math.max(earliest, waveOfGroup[condensed.getEdgeTarget(edge)] + 1);
            }
            List<Integer> members = groups.get(group);
            int wave;
            if (members.size() > options.maxAssetsPerWave()) {
                wave = Math.max(earliest, waves.size());
                warnings.add("A dependency cycle of " + members.size() + " assets exceeds the wave capacity of "
                        + options.maxAssetsPerWave() + "; it is planned alone in wave " + (wave + 1) + " ("
                        + planned.get(members.get(0)).name() + " …)");
            } else {
                wave = open.from(earliest);
                while (wave < waves.size() && waves.get(wave).size() + members.size() > options.maxAssetsPerWave()) {
                    wave = open.from(wave + 1);
                }
            }
            while (waves.size() <= wave) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).addAll(members);
            if (waves.get(wave).size() >= options.maxAssetsPerWave()) {
                open.close(wave); // full (or holding an oversize group): later groups skip it at once
            }
            waveOfGroup[group] = wave;
        }

        List<Wave> result = new ArrayList<>(waves.size());
        for (int w = 0; w < waves.size(); w++) {
            List<Integer> members = waves.get(w);
            members.sort(null);
            LocalDate start = options.startDate().plusDays((long) w * (options.waveDurationDays() + options.gapDays()));
            List<UUID> ids = members.stream().map(i -> planned.get(i).id()).toList();
            result.add(new Wave(w + 1, start, start.plusDays(Math.max(0, options.waveDurationDays() - 1)), options.pilot() && w == 0
                    && firstRegular == 1, ids));
        }
        List<List<UUID>> cycles = groups.stream().filter(g -> g.size() > 1)
                .sorted(Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparingInt(g -> g.get(0)))
                .map(g -> g.stream().map(i -> planned.get(i).id()).toList()).toList();
        return new Plan(result, constraints, warnings, planned.size(), excluded, groups.size(), cycles);
    }

    /** The ids without repeats, in order; dependency lists are short, so small ones are checked without hashing. */
    private static List<UUID> distinct(List<UUID> ids) {
        if (ids.size() > 16) {
            return List.copyOf(new java.util.LinkedHashSet<>(ids));
        }
        List<UUID> result = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            if (!result.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * Which waves still take assets: {@link #from} finds the first open wave at or after a number in near-constant
     * time (union-find with path compression over closed waves), so placing 100,000 assets into thousands of waves
     * never scans the full ones again and again. Waves past the last one are open.
     */
    static final class OpenWaves {
        private int[] next = new int[64];

        OpenWaves() {
            for (int i = 0; i < next.length; i++) {
                next[i] = i;
            }
        }

        int from(int wave) {
            ensure(wave);
            int root = wave;
            while (next[root] != root) {
                root = next[root];
                ensure(root);
            }
            while (next[wave] != root) {
                int following = next[wave];
                next[wave] = root;
                wave = following;
            }
            return root;
        }

        void close(int wave) {
            ensure(wave + 1);
            next[wave] = wave + 1;
        }

        private void ensure(int wave) {
            if (wave >= next.length) {
                int old = next.length;
                next = java.util.Arrays.copyOf(next, Math.max(wave + 1, old * 2));
                for (int i = old; i < next.length; i++) {
                    next[i] = i;
                }
            }
        }
    }

    /**
     * A directed multigraph without JGraphT's edge index: the planner never asks whether an edge exists, so
     * the index (a hash entry per edge) is pure cost at 300,000 edges.
     */
    private static final class LeanDirectedGraph extends AbstractBaseGraph<Integer, DefaultEdge> {
        LeanDirectedGraph() {
            super(null, DefaultEdge::new, DefaultGraphType.directedMultigraph(), new DefaultGraphSpecificsStrategy<>());
        }
    }
}
