package io.migrationplatform.discovery;

import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.discovery.store.ImportRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The import's dependency_mapping phase; {@link ImportPhases} runs it in one transaction. */
@Component
class DependencyMappingPhase {

    private static final Set<String> SPECIAL_REFERENCES = Set.of("all", "*", "any", "everything", "all servers");

    private final ImportRepository repository;
    private final AssetService assets;
    private final DependencyService dependencies;

    DependencyMappingPhase(ImportRepository repository, AssetService assets, DependencyService dependencies) {
        this.repository = repository;
        this.assets = assets;
        this.dependencies = dependencies;
    }

    /**
     * Turns each kept row's references (and those of the rows merged into it) into edges: a reference names
     * a row of the file first, then an asset of the inventory (id, name, host name, FQDN or address).
     */
    Map<String, Object> run(ImportExecutor.ImportRun run) {
        ImportMatcher.References references = new ImportMatcher.References();
        for (RowLedger.Entry entry : run.ledger.entries()) {
            if (entry.assetId != null && entry.identity != null) {
                references.add(entry.assetId, entry.externalId(), entry.name(), entry.hostname(), entry.fqdn(), entry.ipAddresses());
            }
        }
        assets.forEachIdentity(run.scope, a -> references.add(a.id(), a.externalId(), a.name(), a.hostname(), a.fqdn(), a.ipAddresses()));
        List<Map.Entry<UUID, UUID>> edges = new ArrayList<>();
        List<ImportIssue> issues = new ArrayList<>();
        int unresolved = 0;
        int special = 0;
        for (RowLedger.Entry row : run.ledger.entries()) {
            if (!row.kept() || row.assetId == null) {
                continue;
            }
            for (String reference : references(row)) {
                if (SPECIAL_REFERENCES.contains(reference.strip().toLowerCase(Locale.ROOT))) {
                    special++;
                    issues.add(new ImportIssue(row.rowNumber, "dependencies", reference,
                            "'" + reference + "' names no single asset; not turned into dependencies (add the edges explicitly)",
                            "warning", "dependency_mapping"));
                    continue;
                }
                UUID target = references.resolve(reference);
                if (target == null) {
                    unresolved++;
                    issues.add(new ImportIssue(row.rowNumber, "dependencies", reference,
                            "Unknown asset '" + reference + "': no row or asset has this id, name, host name or address",
                            "warning", "dependency_mapping"));
                } else if (target.equals(row.assetId)) {
                    issues.add(new ImportIssue(row.rowNumber, "dependencies", reference,
                            "'" + reference + "' is this asset itself; an asset cannot depend on itself, so no dependency was added",
                            "warning", "dependency_mapping"));
                } else {
                    edges.add(Map.entry(row.assetId, target));
                }
            }
        }
        run.flow.checkpoint();
        int added = dependencies.addAll(run.scope, edges, run.context);
        long cycles = dependencies.cycleCount(run.scope);
        repository.addIssues(run.record.id(), issues);
        run.result.put("dependencies_found", edges.size());
        run.result.put("dependencies_added", added);
        run.result.put("unresolved_references", unresolved);
        run.result.put("special_references", special);
        run.result.put("dependency_cycles", cycles);
        return ImportPhases.counts("edges", edges.size(), "added", added, "unresolved", unresolved, "special", special, "cycles", cycles);
    }

    /** A kept row's references, then those of the rows merged into it, each once. */
    private static Set<String> references(RowLedger.Entry row) {
        Set<String> references = new LinkedHashSet<>();
        if (row.dependencyRefs != null) {
            references.addAll(row.dependencyRefs);
        }
        if (row.duplicates != null) {
            row.duplicates.stream().filter(d -> d.dependencyRefs != null).forEach(d -> references.addAll(d.dependencyRefs));
        }
        return references;
    }
}
