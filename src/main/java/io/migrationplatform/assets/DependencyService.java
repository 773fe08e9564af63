package io.migrationplatform.assets;

import io.migrationplatform.assets.store.AssetRepository;
import io.migrationplatform.assets.store.AuditRepository;
import io.migrationplatform.assets.store.DependencyRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.platform.error.ConflictException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Dependency edges between assets of one scope, and the scope's dependency graph with its cycles. */
@Service
public class DependencyService {

    public record NewDependency(UUID dependsOnAssetId, String dependencyType, String criticality, Integer port,
                                String protocol) {
    }

    /** The other end of an edge, with enough of the asset to read the list. */
    public record Edge(UUID assetId, String name, String assetType, String dependencyType, String criticality, Integer port,
                       String protocol) {
    }

    public record AssetDependencies(UUID assetId, List<Edge> dependsOn, List<Edge> dependents) {
    }

    public record Node(UUID id, String name, String assetType, String environment) {
    }

    public record GraphEdge(UUID source, UUID target, String dependencyType, String criticality) {
    }

    /** Per asset: how many it depends on, how many depend on it, and whether it sits in a cycle. */
    public record Connectivity(Map<UUID, Integer> dependsOnCounts, Map<UUID, Integer> dependentCounts, Set<UUID> inCycle) {
        public int dependsOn(UUID id) {
            return dependsOnCounts.getOrDefault(id, 0);
        }

        public int dependents(UUID id) {
            return dependentCounts.getOrDefault(id, 0);
        }

        public boolean isInCycle(UUID id) {
            return inCycle.contains(id);
        }
    }

    public record DependencyGraph(List<Node> nodes, List<GraphEdge> edges, List<List<UUID>> cycles) {
    }

    private final AssetRepository assets;
    private final DependencyRepository dependencies;
    private final AuditRepository audit;
    private final ScopedCache cache;
    private final int maxGraphNodes;
    private final int maxGraphEdges;

    DependencyService(AssetRepository assets, DependencyRepository dependencies, AuditRepository audit, ScopedCache cache,
                      @Value("${migrate.assets.max-graph-nodes:25000}") int maxGraphNodes,
                      @Value("${migrate.assets.max-graph-edges:100000}") int maxGraphEdges) {
        this.assets = assets;
        this.dependencies = dependencies;
        this.audit = audit;
        this.cache = cache;
        this.maxGraphNodes = maxGraphNodes;
        this.maxGraphEdges = maxGraphEdges;
    }

    @Transactional(readOnly = true)
    public AssetDependencies of(TenantScope scope, UUID assetId) {
        assets.find(scope, assetId).orElseThrow(() -> new NotFoundException("Asset"));
        return forAssets(scope, List.of(assetId)).get(assetId);
    }

    /** Dependencies of a whole page of assets in two queries, whatever the page size. */
    @Transactional(readOnly = true)
    public Map<UUID, AssetDependencies> forAssets(TenantScope scope, List<UUID> assetIds) {
        List<Dependency> edges = dependencies.touching(scope, assetIds);
        Set<UUID> others = new HashSet<>();
        edges.forEach(e -> {
            others.add(e.assetId());
            others.add(e.dependsOnAssetId());
        });
        Map<UUID, Asset> byId = assets.findAll(scope, others).stream().collect(Collectors.toMap(Asset::id, Function.identity()));
        Map<UUID, List<Edge>> outgoing = new HashMap<>();
        Map<UUID, List<Edge>> incoming = new HashMap<>();
        for (Dependency e : edges) {
            outgoing.computeIfAbsent(e.assetId(), k -> new ArrayList<>()).add(edge(byId.get(e.dependsOnAssetId()), e));
            incoming.computeIfAbsent(e.dependsOnAssetId(), k -> new ArrayList<>()).add(edge(byId.get(e.assetId()), e));
        }
        Map<UUID, AssetDependencies> result = new LinkedHashMap<>();
        for (UUID id : assetIds) {
            List<Edge> dependsOn = outgoing.getOrDefault(id, List.of());
            List<Edge> dependents = incoming.getOrDefault(id, List.of());
            result.put(id, new AssetDependencies(id, dependsOn, dependents));
        }
        return result;
    }

    @Transactional
    public AssetDependencies add(TenantScope scope, UUID assetId, NewDependency request, AuditContext context) {
        Dependency edge = validate(assetId, request);
        assets.findForUpdate(scope, assetId).orElseThrow(() -> new NotFoundException("Asset"));
        assets.find(scope, edge.dependsOnAssetId()).orElseThrow(() -> new NotFoundException("Asset"));
        if (!dependencies.insert(scope, edge, context.actorId())) {
            throw new ConflictException("This dependency already exists");
        }
        audit.record(scope, assetId, "dependency_add", Map.of("depends_on", oldNew(List.of(), List.of(edge.dependsOnAssetId()))),
                context);
        cache.invalidate(AssetService.cacheScope(scope));
        return forAssets(scope, List.of(assetId)).get(assetId);
    }

    /**
     * Adds many edges at once (imports): existing edges and self-references are skipped, every new edge
     * is audited on its asset, in the order given. Returns how many were added.
     */
    @Transactional
    public int addAll(TenantScope scope, List<Map.Entry<UUID, UUID>> edges, AuditContext context) {
        List<Map.Entry<UUID, UUID>> candidates = edges.stream().filter(e -> !e.getKey().equals(e.getValue())).distinct().toList();
        int added = dependencies.insertAllAudited(scope, candidates, context);
        if (added > 0) {
            cache.invalidate(AssetService.cacheScope(scope));
        }
        return added;
    }

    @Transactional
    public void remove(TenantScope scope, UUID assetId, UUID dependsOnAssetId, AuditContext context) {
        assets.findForUpdate(scope, assetId).orElseThrow(() -> new NotFoundException("Asset"));
        if (!dependencies.delete(scope, assetId, dependsOnAssetId)) {
            throw new NotFoundException("Dependency");
        }
        audit.record(scope, assetId, "dependency_remove", Map.of("depends_on", oldNew(List.of(dependsOnAssetId), List.of())),
                context);
        cache.invalidate(AssetService.cacheScope(scope));
    }

    /**
     * How connected every asset of the scope is: counts both ways and cycle membership, from the
     * edges alone (no asset rows are read), so analysing thousands of assets costs one query.
     */
    @Transactional(readOnly = true)
    public Connectivity connectivity(TenantScope scope) {
        List<Dependency> edges = dependencies.all(scope);
        Map<UUID, Integer> dependsOn = new HashMap<>();
        Map<UUID, Integer> dependents = new HashMap<>();
        Graph<UUID, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (Dependency e : edges) {
            dependsOn.merge(e.assetId(), 1, Integer::sum);
            dependents.merge(e.dependsOnAssetId(), 1, Integer::sum);
            graph.addVertex(e.assetId());
            graph.addVertex(e.dependsOnAssetId());
            graph.addEdge(e.assetId(), e.dependsOnAssetId());
        }
        Set<UUID> inCycle = new HashSet<>();
        for (Set<UUID> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            if (component.size() > 1) {
                inCycle.addAll(component);
            }
        }
        return new Connectivity(Map.copyOf(dependsOn), Map.copyOf(dependents), Set.copyOf(inCycle));
    }

    /** For every asset of the scope with dependencies: what it depends on (one query, edges only; for planning). */
    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> dependsOn(TenantScope scope) {
        return dependencies.dependsOn(scope);
    }

    /**
     * How many cycles (strongly connected components of more than one asset) the scope's graph has: the
     * same count as {@link #graph}'s, from the edges alone — no asset is read.
     */
    @Transactional(readOnly = true)
    public int cycleCount(TenantScope scope) {
        CycleCounter counter = new CycleCounter();
        dependencies.forEachEdge(scope, counter::add);
        return counter.cycles();
    }

    /**
     * Nodes, edges and every cycle (strongly connected component of more than one asset). The whole graph is held
     * in memory, so it is served only up to {@code migrate.assets.max-graph-nodes} assets and
     * {@code max-graph-edges} edges (counted first, before anything is loaded); beyond, 422 says where to look instead.
     * One snapshot for the counts, the edges and the nodes: under read committed an asset deleted between the queries
     * would leave an edge to a node the graph does not have (a failure), and an import could outgrow the counts.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public DependencyGraph graph(TenantScope scope) {
        long assetCount = assets.count(scope, AssetFilter.none());
        if (assetCount > maxGraphNodes) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The dependency graph is served for at most " + maxGraphNodes
                    + " assets; this engagement has " + assetCount + ". Read GET /assets/{asset_id}/dependencies per asset, "
                    + "or plan waves (POST /waves/plan), which handle any size and report the cycles",
                    Map.of("asset_count", assetCount, "max_nodes", maxGraphNodes));
        }
        long edgeCount = dependencies.count(scope);
        if (edgeCount > maxGraphEdges) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "The dependency graph is served for at most " + maxGraphEdges
                    + " dependencies; this engagement has " + edgeCount + ". Read GET /assets/{asset_id}/dependencies per asset, "
                    + "or plan waves (POST /waves/plan), which handle any size and report the cycles",
                    Map.of("dependency_count", edgeCount, "max_edges", maxGraphEdges));
        }
        List<Dependency> edges = dependencies.all(scope);
        Map<UUID, Node> nodes = new LinkedHashMap<>();
        for (AssetBrief a : assets.briefs(scope, AssetFilter.none())) { // four columns, not whole assets
            nodes.put(a.id(), new Node(a.id(), a.name(), a.assetType(), a.environment()));
        }
        Graph<UUID, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        nodes.keySet().forEach(graph::addVertex);
        edges.forEach(e -> graph.addEdge(e.assetId(), e.dependsOnAssetId()));
        List<List<UUID>> cycles = new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets().stream()
                .filter(set -> set.size() > 1)
                .map(set -> set.stream().sorted(Comparator.comparing(id -> nodes.get(id).name())).toList())
                .sorted(Comparator.comparing(c -> nodes.get(c.get(0)).name()))
                .toList();
        return new DependencyGraph(List.copyOf(nodes.values()),
                edges.stream().map(e -> new GraphEdge(e.assetId(), e.dependsOnAssetId(), e.dependencyType(), e.criticality())).toList(),
                cycles);
    }

    private static Map<String, Object> oldNew(Object oldValue, Object newValue) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old", oldValue);
        change.put("new", newValue);
        return change;
    }

    private static Edge edge(Asset other, Dependency e) {
        UUID otherId = other == null ? null : other.id();
        return new Edge(otherId, other == null ? null : other.name(), other == null ? null : other.assetType(),
                e.dependencyType(), e.criticality(), e.port(), e.protocol());
    }

    private static Dependency validate(UUID assetId, NewDependency request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.dependsOnAssetId() == null) {
            errors.add(new FieldError("depends_on_asset_id", "Field required", "missing"));
        } else if (request.dependsOnAssetId().equals(assetId)) {
            errors.add(new FieldError("depends_on_asset_id", "An asset cannot depend on itself", "value_error"));
        }
        String type = request.dependencyType() == null ? "depends_on" : request.dependencyType().strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.length() > 64) {
            errors.add(new FieldError("dependency_type", "1 to 64 characters", "value_error"));
        }
        String criticality = request.criticality() == null ? null : request.criticality().strip().toLowerCase(Locale.ROOT);
        if (criticality != null && !AssetVocabulary.CRITICALITIES.contains(criticality)) {
            errors.add(new FieldError("criticality", "Must be one of: " + String.join(", ", AssetVocabulary.CRITICALITIES), "enum"));
        }
        if (request.port() != null && (request.port() < 1 || request.port() > 65535)) {
            errors.add(new FieldError("port", "Must be between 1 and 65535", "value_error"));
        }
        String protocol = request.protocol() == null ? null : request.protocol().strip().toLowerCase(Locale.ROOT);
        if (protocol != null && (protocol.isEmpty() || protocol.length() > 16)) {
            errors.add(new FieldError("protocol", "1 to 16 characters", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Dependency(UUID.randomUUID(), assetId, request.dependsOnAssetId(), type, criticality, request.port(), protocol, null);
    }
}
