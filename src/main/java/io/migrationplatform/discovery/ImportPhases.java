package io.migrationplatform.discovery;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetBulkWrites;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.assets.AssetValues;
import io.migrationplatform.discovery.cleansing.RowConverter;
import io.migrationplatform.discovery.parse.SourceRow;
import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The five phases of an import execution; each returns the counts shown on the import. Every phase
 * streams the staged rows a chunk at a time (never the whole file in memory), stores its issues per
 * chunk, and passes a flow checkpoint between chunks: a pause or cancel stops the phase there, and
 * the phases that write assets and edges roll back whatever they had written (each writes in one
 * transaction, so nothing is ever half-imported).
 */
@Component
class ImportPhases {

    private final ImportRepository repository;
    private final AssetService assets;
    private final AssetBulkWrites bulk;
    private final DependencyMappingPhase dependencyMapping;
    private final TransactionTemplate transactions;
    private final int chunkRows;

    ImportPhases(ImportRepository repository, AssetService assets, AssetBulkWrites bulk, DependencyMappingPhase dependencyMapping,
                 TransactionTemplate transactions, @Value("${migrate.discovery.chunk-rows:2000}") int chunkRows) {
        this.repository = repository;
        this.assets = assets;
        this.bulk = bulk;
        this.dependencyMapping = dependencyMapping;
        this.transactions = transactions;
        this.chunkRows = chunkRows;
    }

    Map<String, Object> run(String phase, ImportExecutor.ImportRun run) {
        return switch (phase) {
            case "data_validation" -> validate(run);
            case "field_mapping" -> map(run);
            case "data_cleansing" -> cleanse(run);
            case "asset_inventory" -> {
                bulk.refreshStatistics(); // the last import may have doubled the inventory: its lookups by id need fresh statistics
                yield transactions.execute(status -> {
                    bulk.lockBulkWrites(run.scope);
                    return inventory(run);
                });
            }
            case "dependency_mapping" -> transactions.execute(status -> {
                bulk.lockBulkWrites(run.scope);
                return dependencyMapping.run(run);
            });
            default -> throw new IllegalArgumentException(phase);
        };
    }

    private Map<String, Object> validate(ImportExecutor.ImportRun run) {
        int[] ragged = {0};
        repository.forEachRaggedChunk(run.record.id(), chunkRows, rows -> {
            List<ImportIssue> issues = new ArrayList<>();
            for (SourceRow row : rows) {
                ragged[0]++;
                issues.add(new ImportIssue(row.rowNumber(), null, String.join(" | ", row.extra()),
                        "The row has " + row.extra().size() + " more cell(s) than the header; kept in attributes.extra_cells",
                        "warning", "data_validation"));
            }
            endOfChunk(run, issues);
        });
        return counts("rows", Math.toIntExact(repository.countRows(run.record.id())), "ragged_rows", ragged[0]);
    }

    /** The mappings apply to every row alike; the rows are converted (mapped, then cleansed) as data_cleansing reads them. */
    private Map<String, Object> map(ImportExecutor.ImportRun run) {
        long mappedColumns = run.record.mappings().stream().filter(m -> !m.targetField().equals("attributes")).count();
        return counts("mapped_columns", mappedColumns, "attribute_columns", run.record.mappings().size() - mappedColumns);
    }

    /**
     * Cleanses and validates every row, and decides which rows are the same server (the first one is kept,
     * later ones merge into it): the ledger remembers that, who each kept row is and what each row refers to.
     * Rows are converted on every core, a few chunks ahead; the decisions are taken in file order.
     */
    private Map<String, Object> cleanse(ImportExecutor.ImportRun run) {
        int valid = 0;
        int rejected = 0;
        int warnings = 0;
        ImportMatcher<RowLedger.Entry> inFile = new ImportMatcher<>();
        try (ChunkPipeline<List<Cleansed>> pipeline = new ChunkPipeline<>("import-cleansing", chunks(run),
                (first, rows) -> rows.stream().map(row -> cleansed(run, row)).toList(), CORES)) {
            for (List<Cleansed> chunk = pipeline.next(); chunk != null; chunk = pipeline.next()) {
                List<ImportIssue> issues = new ArrayList<>();
                for (Cleansed row : chunk) {
                    RowLedger.Entry entry = run.ledger.add(row.rowNumber);
                    issues.addAll(row.issues);
                    warnings += row.warnings;
                    if (row.keys == null) {
                        entry.rejected = true;
                        rejected++;
                        continue;
                    }
                    valid++;
                    entry.dependencyRefs = row.dependencyRefs;
                    RowLedger.Entry first = inFile.find(row.keys);
                    if (first != null) {
                        first.addDuplicate(entry);
                    } else {
                        inFile.register(row.keys, entry);
                        entry.identity = row.identity;
                    }
                }
                endOfChunk(run, issues);
            }
        }
        run.result.put("rows", run.ledger.size());
        run.result.put("rejected_rows", rejected);
        return counts("valid_rows", valid, "rejected_rows", rejected, "warnings", warnings);
    }

    /**
     * Threads that prepare rows while the phase's own thread decides and writes: every core, up to 4 (each
     * keeps a chunk or two in flight, and an import should not take a large server's every core).
     */
    private static final int CORES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * What data_cleansing keeps of a row once it is converted and validated — its issues, and for a valid row
     * its identity keys, identity and references (keys null: rejected) — so the chunks waiting in the
     * pipeline hold a few strings per row, not the converted rows.
     */
    private record Cleansed(long rowNumber, List<ImportIssue> issues, int warnings, List<String> keys, Object[] identity,
                            List<String> dependencyRefs) {
    }

    private static Cleansed cleansed(ImportExecutor.ImportRun run, SourceRow row) {
        RowConverter.Converted converted = run.converter.convert(row.values(), row.extra());
        List<ImportIssue> issues = new ArrayList<>(converted.issues().size());
        int warnings = 0;
        for (RowConverter.Issue issue : converted.issues()) {
            issues.add(new ImportIssue(row.rowNumber(), issue.column(), issue.value(), issue.reason(),
                    issue.error() ? "error" : "warning", "data_cleansing"));
            warnings += issue.error() ? 0 : 1;
        }
        try {
            AssetValidator.validate(converted.body(), true);
        } catch (ValidationException e) {
            e.fieldErrors().forEach(f -> {
                Object value = converted.body().get(f.field());
                issues.add(new ImportIssue(row.rowNumber(), f.field(), value == null ? null : String.valueOf(value), f.message(),
                        "error", "data_cleansing"));
            });
            return new Cleansed(row.rowNumber(), issues, warnings, null, null, null);
        }
        return new Cleansed(row.rowNumber(), issues, warnings, ImportMatcher.keys(converted.body()), identity(converted.body()),
                converted.dependencyRefs().isEmpty() ? null : converted.dependencyRefs());
    }

    /** The staged rows, a chunk at a time. */
    private java.util.function.Consumer<java.util.function.Consumer<List<SourceRow>>> chunks(ImportExecutor.ImportRun run) {
        return consumer -> repository.forEachChunk(run.record.id(), chunkRows, consumer);
    }

    private static Object[] identity(Map<String, Object> body) {
        return new Object[] {body.get("external_id"), body.get("name"), body.get("hostname"), body.get("fqdn"), body.get("ip_addresses")};
    }

    /**
     * Matches the kept rows against the inventory, then creates, updates or leaves each asset a chunk at a
     * time, merging later rows of the same server into the first one.
     */
    private Map<String, Object> inventory(ImportExecutor.ImportRun run) {
        Map<UUID, Asset> originals = matchExisting(run);
        InventoryCounts counts = new InventoryCounts();
        // The next chunk is read and converted while this one is written: the database is the slow side.
        try (ChunkPipeline<Prepared> pipeline = new ChunkPipeline<>("import-inventory", chunks(run),
                (first, rows) -> prepare(run, first, rows), 1)) {
            for (Prepared chunk = pipeline.next(); chunk != null; chunk = pipeline.next()) {
                List<ImportIssue> issues = new ArrayList<>();
                writeChunk(run, chunk, originals, counts, issues);
                endOfChunk(run, issues);
            }
        }
        run.result.put("assets_created", counts.created);
        run.result.put("assets_updated", counts.updated);
        run.result.put("assets_unchanged", counts.unchanged);
        run.result.put("rows_merged", counts.merged);
        return counts("created", counts.created, "updated", counts.updated, "unchanged", counts.unchanged, "merged", counts.merged);
    }

    /** A chunk's ledger entries with the validated values its kept rows need. */
    private record Prepared(List<RowLedger.Entry> entries, Map<Long, AssetValues> values) {
    }

    private Prepared prepare(ImportExecutor.ImportRun run, int first, List<SourceRow> rows) {
        List<RowLedger.Entry> entries = run.ledger.entries().subList(first, first + rows.size());
        return new Prepared(entries, values(run, rows, entries));
    }

    private static final class InventoryCounts {
        int created;
        int updated;
        int unchanged;
        int merged;
    }

    /**
     * Which existing asset each kept row is, decided on the inventory as the phase begins (its identities
     * only, in name order: the first asset with a key wins). Assets that several rows match are read whole
     * now, because each of those rows is compared with the asset as it was before the import.
     */
    private Map<UUID, Asset> matchExisting(ImportExecutor.ImportRun run) {
        ImportMatcher<UUID> existing = new ImportMatcher<>();
        assets.forEachIdentity(run.scope, a -> existing.register(
                ImportMatcher.keys(a.externalId(), a.fqdn(), a.hostname(), a.ipAddresses(), a.name()), a.id()));
        Map<UUID, Integer> rowsPerAsset = new HashMap<>();
        for (RowLedger.Entry entry : run.ledger.entries()) {
            if (entry.kept()) {
                entry.match = existing.find(entry.keys());
                if (entry.match != null) {
                    rowsPerAsset.merge(entry.match, 1, Integer::sum);
                }
            }
        }
        List<UUID> shared = rowsPerAsset.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Map<UUID, Asset> originals = new HashMap<>();
        assets.getAll(run.scope, shared).forEach(a -> originals.put(a.id(), a));
        return originals;
    }

    private void writeChunk(ImportExecutor.ImportRun run, Prepared chunk, Map<UUID, Asset> originals, InventoryCounts counts,
                            List<ImportIssue> issues) {
        List<RowLedger.Entry> entries = chunk.entries();
        Map<Long, AssetValues> values = chunk.values();
        List<UUID> matched = entries.stream().filter(e -> e.kept() && e.match != null).map(e -> e.match).distinct().toList();
        Map<UUID, Asset> current = new HashMap<>();
        assets.getAll(run.scope, matched).forEach(a -> current.put(a.id(), a));
        List<Map.Entry<UUID, AssetValues>> updates = new ArrayList<>();
        List<RowLedger.Entry> toCreate = new ArrayList<>();
        List<AssetValues> created = new ArrayList<>();
        for (RowLedger.Entry entry : entries) {
            if (!entry.kept()) {
                continue;
            }
            AssetValues merged = ImportMerging.merge(entry, values, issues);
            counts.merged += entry.duplicates == null ? 0 : entry.duplicates.size();
            if (entry.match == null) {
                toCreate.add(entry);
                created.add(merged);
                continue;
            }
            entry.assetId = entry.match;
            Asset before = originals.getOrDefault(entry.match, current.get(entry.match));
            if (before == null) {
                throw new NotFoundException("Asset"); // deleted since the phase began, as apply() would find
            }
            AssetValues changes = ImportMerging.changes(before, merged);
            if (changes.values().isEmpty()) {
                entry.outcome = "unchanged";
                counts.unchanged++;
            } else {
                updates.add(Map.entry(entry.match, changes));
                entry.outcome = "updated";
                counts.updated++;
            }
        }
        if (!updates.isEmpty()) {
            // Only the assets that change are locked, as apply() locks them: unchanged ones stay free for other writers.
            Map<UUID, Asset> locked = bulk.lockAll(run.scope, updates.stream().map(Map.Entry::getKey).distinct().toList());
            bulk.applyAll(run.scope, locked, updates, run.context, "import");
        }
        List<UUID> ids = bulk.insertAll(run.scope, created, run.context, "import");
        for (int i = 0; i < toCreate.size(); i++) {
            toCreate.get(i).assetId = ids.get(i);
            toCreate.get(i).outcome = "created";
        }
        counts.created += toCreate.size();
        List<Object[]> outcomes = new ArrayList<>(entries.size());
        for (RowLedger.Entry entry : entries) {
            RowLedger.Entry owner = entry.leader == null ? entry : entry.leader;
            outcomes.add(new Object[] {entry.rowNumber, owner.assetId, entry.rejected ? "rejected" : entry.leader != null ? "merged"
                    : entry.outcome});
        }
        repository.addOutcomes(run.record.id(), outcomes);
    }

    /**
     * The validated values of every row this chunk's kept rows need: their own, and those of the rows merged
     * into them, read again when they lie in a later chunk. Conversion is deterministic, so these are the
     * values data_cleansing validated.
     */
    private Map<Long, AssetValues> values(ImportExecutor.ImportRun run, List<SourceRow> rows, List<RowLedger.Entry> entries) {
        Map<Long, AssetValues> values = new HashMap<>();
        long last = rows.get(rows.size() - 1).rowNumber();
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowLedger.Entry entry = entries.get(i);
            if (entry.rowNumber != rows.get(i).rowNumber()) {
                throw new IllegalStateException("The staged rows changed during the import");
            }
            if (entry.kept()) {
                values.put(entry.rowNumber, convert(run, rows.get(i)));
                if (entry.duplicates != null) {
                    entry.duplicates.stream().filter(d -> d.rowNumber > last).forEach(d -> later.add(d.rowNumber));
                }
            } else if (entry.leader != null && entry.leader.rowNumber >= rows.get(0).rowNumber()) {
                values.put(entry.rowNumber, convert(run, rows.get(i)));
            }
        }
        for (SourceRow row : repository.rows(run.record.id(), later)) {
            values.put(row.rowNumber(), convert(run, row));
        }
        return values;
    }

    private static AssetValues convert(ImportExecutor.ImportRun run, SourceRow row) {
        return AssetValidator.validate(run.converter.convert(row.values(), row.extra()).body(), true);
    }

    /** Between chunks: the chunk's issues are stored, and a pause or cancel stops the phase here. */
    private void endOfChunk(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        repository.addIssues(run.record.id(), issues);
        run.flow.checkpoint();
    }

    static Map<String, Object> counts(Object... pairs) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], pairs[i + 1]);
        }
        return counts;
    }
}
