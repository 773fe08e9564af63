package io.migrationplatform.analysis;

import io.migrationplatform.analysis.AssetAnalysis.DependencyCounts;
import io.migrationplatform.analysis.AssetAnalysis.DependencyLink;
import io.migrationplatform.analysis.engine.AnalysisEngine;
import io.migrationplatform.analysis.store.AnalysisRepository;
import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.assets.DependencyService.AssetDependencies;
import io.migrationplatform.assets.DependencyService.Connectivity;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.platform.error.ApiException;
import org.springframework.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses assets with the rule engine and keeps the latest analysis of each. Tenant-scoped
 * throughout: an id of another scope is "not found", never analysed.
 */
@Service
public class AnalysisService {

    public static final int MAX_BATCH = 100;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnalysisService.class);

    /** The result of a batch: analyses by asset id, and why the others were not analysed. */
    public record BatchOutcome(Map<String, AssetAnalysis> results, Map<String, String> failed) {
    }

    /**
     * The latest analysis, and whether the asset changed since in a way the engine would see
     * ({@code stale}: a field it reads differs; an approval writing six_r_strategy does not count).
     */
    public record Latest(AssetAnalysis analysis, long analyzedAssetVersion, long currentAssetVersion, boolean stale) {
    }

    private final AnalysisEngine engine = AnalysisEngine.load();
    private final AssetService assets;
    private final DependencyService dependencies;
    private final AnalysisRepository repository;
    private final ScopedCache cache;
    private final Clock clock;

    AnalysisService(AssetService assets, DependencyService dependencies, AnalysisRepository repository, ScopedCache cache, Clock clock) {
        this.assets = assets;
        this.dependencies = dependencies;
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    public String rulesVersion() {
        return engine.rulesVersion();
    }

    /** The effort of another strategy for an analysed asset (a reviewer's override). */
    public AssetAnalysis.Effort effort(AssetAnalysis analysis, String strategy) {
        return engine.effort(strategy, analysis.complexityScore(), analysis.effort().scale());
    }

    /** Analyses one asset now and stores the result as its latest analysis. */
    @Transactional
    public AssetAnalysis analyze(TenantScope scope, UUID assetId) {
        Asset asset = assets.get(scope, assetId);
        return analyzeAll(scope, List.of(asset), true).get(0);
    }

    /** The latest stored analysis (cached per tenant scope until an asset or dependency of the scope changes). */
    public Latest latest(TenantScope scope, UUID assetId) {
        return cache.get(AssetService.cacheScope(scope), "analysis:" + assetId, Latest.class, () -> {
            Asset asset = assets.get(scope, assetId);
            AnalysisRepository.Stored stored = repository.latest(scope, assetId).orElseThrow(() -> new ApiException(
                    HttpStatus.NOT_FOUND, "No analysis of this asset yet: POST /api/v1/assets/" + assetId + "/analyze first"));
            boolean stale = !AnalysisEngine.fingerprint(asset).equals(stored.analysis().inputFingerprint());
            return new Latest(stored.analysis(), stored.assetVersion(), asset.version(), stale);
        });
    }

    /**
     * The seed's batch: every id is answered, either with its analysis or in {@code failed} with the
     * reason (not a valid id, not found — which is also what an id of another tenant gets).
     */
    @Transactional
    public BatchOutcome analyzeBatch(TenantScope scope, List<String> assetIds) {
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String raw : assetIds) {
            try {
                ids.putIfAbsent(raw, UUID.fromString(raw == null ? "" : raw.trim()));
            } catch (IllegalArgumentException e) {
                failed.put(String.valueOf(raw), "Not a valid asset id");
            }
        }
        Map<UUID, Asset> found = assets.getAll(scope, Set.copyOf(ids.values())).stream()
                .collect(Collectors.toMap(Asset::id, Function.identity()));
        List<Asset> toAnalyze = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        ids.forEach((raw, id) -> {
            if (!found.containsKey(id)) {
                failed.put(raw, "Asset not found");
            } else if (seen.add(id)) {
                toAnalyze.add(found.get(id));
            }
        });
        Map<String, AssetAnalysis> results = new LinkedHashMap<>();
        for (AssetAnalysis analysis : analyzeAll(scope, toAnalyze, true)) {
            results.put(analysis.assetId().toString(), analysis);
        }
        return new BatchOutcome(results, failed);
    }

    /**
     * Analyses many assets of one scope with one read of the dependency graph, stores every result
     * (one COPY), and returns them in the order given, with their ids. No per-asset query; an
     * assessment's decisions point at these analyses.
     */
    @Transactional
    public List<AssetAnalysis> analyzeAll(TenantScope scope, List<Asset> toAnalyze, boolean withDependencyLists) {
        return toAnalyze.isEmpty() ? List.of() : analyzeAll(scope, toAnalyze, withDependencyLists, dependencies.connectivity(scope));
    }

    /**
     * The same with a dependency graph already read: an assessment reads it once for all its chunks.
     * The engine runs on every core for large lists (it is thread-safe and the order is kept).
     */
    @Transactional
    public List<AssetAnalysis> analyzeAll(TenantScope scope, List<Asset> toAnalyze, boolean withDependencyLists,
                                          Connectivity connectivity) {
        if (toAnalyze.isEmpty()) {
            return List.of();
        }
        long begin = System.nanoTime();
        Map<UUID, AssetDependencies> links = withDependencyLists
                ? dependencies.forAssets(scope, toAnalyze.stream().map(Asset::id).toList()) : Map.of();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<AssetAnalysis> analyses = (toAnalyze.size() > 200 ? toAnalyze.parallelStream() : toAnalyze.stream()).map(asset -> {
            DependencyCounts counts = new DependencyCounts(connectivity.dependsOn(asset.id()), connectivity.dependents(asset.id()),
                    connectivity.isInCycle(asset.id()));
            AssetDependencies edges = links.get(asset.id());
            return engine.analyze(asset, counts, today, now).stored(UUID.randomUUID(), edges == null ? List.of() : links(edges));
        }).toList();
        List<AnalysisRepository.Stored> rows = new ArrayList<>(analyses.size());
        for (int i = 0; i < analyses.size(); i++) {
            rows.add(new AnalysisRepository.Stored(analyses.get(i), toAnalyze.get(i).version()));
        }
        long analysed = System.nanoTime();
        repository.insertAll(scope, rows);
        log.debug("{} analyses: analysed in {} ms, stored in {} ms", rows.size(), (analysed - begin) / 1_000_000,
                (System.nanoTime() - analysed) / 1_000_000);
        cache.invalidate(AssetService.cacheScope(scope));
        return analyses;
    }

    /** The dependency graph of the scope, read once (for callers analysing many chunks). */
    public Connectivity connectivity(TenantScope scope) {
        return dependencies.connectivity(scope);
    }

    private static List<DependencyLink> links(AssetDependencies edges) {
        List<DependencyLink> links = new ArrayList<>(edges.dependsOn().size() + edges.dependents().size());
        edges.dependsOn().forEach(e -> links.add(new DependencyLink(e.assetId(), e.name(), e.assetType(), "depends_on", e.dependencyType())));
        edges.dependents().forEach(e -> links.add(new DependencyLink(e.assetId(), e.name(), e.assetType(), "dependent", e.dependencyType())));
        return links;
    }
}
