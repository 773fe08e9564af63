package io.migrationplatform.discovery;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetField;
import io.migrationplatform.assets.AssetService;
import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.assets.AssetValues;
import io.migrationplatform.assets.DependencyService;
import io.migrationplatform.discovery.cleansing.RowConverter;
import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The five phases of an import execution; each returns the counts shown on the import. */
@Component
class ImportPhases {

    private static final Set<String> SPECIAL_REFERENCES = Set.of("all", "*", "any", "everything", "all servers");

    private final ImportRepository repository;
    private final AssetService assets;
    private final DependencyService dependencies;
    private final TransactionTemplate transactions;

    ImportPhases(ImportRepository repository, AssetService assets, DependencyService dependencies, TransactionTemplate transactions) {
        this.repository = repository;
        this.assets = assets;
        this.dependencies = dependencies;
        this.transactions = transactions;
    }

    Map<String, Object> run(String phase, ImportExecutor.ImportRun run) {
        List<ImportIssue> issues = new ArrayList<>();
        Map<String, Object> counts = switch (phase) {
            case "data_validation" -> validate(run, issues);
            case "field_mapping" -> map(run, issues);
            case "data_cleansing" -> cleanse(run, issues);
            case "asset_inventory" -> transactions.execute(status -> inventory(run, issues));
            case "dependency_mapping" -> transactions.execute(status -> dependencies(run, issues));
            default -> throw new IllegalArgumentException(phase);
        };
        repository.addIssues(run.record.id(), issues);
        return counts;
    }

    private Map<String, Object> validate(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        int[] ragged = {0};
        repository.forEachRow(run.record.id(), row -> {
            if (row.extra() != null && !row.extra().isEmpty()) {
                ragged[0]++;
                issues.add(new ImportIssue(row.rowNumber(), null, String.join(" | ", row.extra()),
                        "The row has " + row.extra().size() + " more cell(s) than the header; kept in attributes.extra_cells",
                        "warning", "data_validation"));
            }
            run.rows.add(new ImportRow(row.rowNumber(), row.values(), row.extra()));
        });
        return counts("rows", run.rows.size(), "ragged_rows", ragged[0]);
    }

    private Map<String, Object> map(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        long mappedColumns = run.record.mappings().stream().filter(m -> !m.targetField().equals("attributes")).count();
        for (ImportRow row : run.rows) {
            row.mapped = run.converter.map(row.values, row.extra);
            row.values = null;
            row.extra = null;
        }
        return counts("mapped_columns", mappedColumns, "attribute_columns", run.record.mappings().size() - mappedColumns);
    }

    private Map<String, Object> cleanse(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        int valid = 0;
        int rejected = 0;
        int warnings = 0;
        for (ImportRow row : run.rows) {
            RowConverter.Converted converted = run.converter.cleanse(row.mapped);
            row.mapped = null;
            for (RowConverter.Issue issue : converted.issues()) {
                issues.add(new ImportIssue(row.rowNumber, issue.column(), issue.value(), issue.reason(),
                        issue.error() ? "error" : "warning", "data_cleansing"));
                warnings += issue.error() ? 0 : 1;
            }
            row.dependencyRefs.addAll(converted.dependencyRefs());
            try {
                row.assetValues = AssetValidator.validate(converted.body(), true);
                row.body = converted.body();
                valid++;
            } catch (ValidationException e) {
                row.outcome = "rejected";
                rejected++;
                e.fieldErrors().forEach(f -> issues.add(new ImportIssue(row.rowNumber, f.field(),
                        String.valueOf(converted.body().get(f.field())), f.message(), "error", "data_cleansing")));
            }
        }
        run.result.put("rows", run.rows.size());
        run.result.put("rejected_rows", rejected);
        return counts("valid_rows", valid, "rejected_rows", rejected, "warnings", warnings);
    }

    private Map<String, Object> inventory(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        ImportMatcher<Asset> existing = new ImportMatcher<>();
        for (Asset a : assets.all(run.scope)) {
            existing.register(ImportMatcher.keys(a), a);
        }
        // First the file against itself (rows of one server merge), then each kept row against the inventory.
        ImportMatcher<ImportRow> inFile = new ImportMatcher<>();
        List<ImportRow> kept = new ArrayList<>();
        int merged = 0;
        for (ImportRow row : run.rows) {
            if (row.rejected()) {
                continue;
            }
            List<String> keys = ImportMatcher.keys(row.body);
            ImportRow first = inFile.find(keys);
            if (first != null) {
                mergeInto(first, row, issues);
                merged++;
            } else {
                inFile.register(keys, row);
                kept.add(row);
            }
        }
        List<ImportRow> toCreate = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        for (ImportRow row : kept) {
            Asset match = existing.find(ImportMatcher.keys(row.body));
            if (match == null) {
                toCreate.add(row);
                continue;
            }
            row.assetId = match.id();
            AssetValues changes = changes(match, row.assetValues);
            if (changes.values().isEmpty()) {
                row.outcome = "unchanged";
                unchanged++;
            } else {
                assets.apply(run.scope, match.id(), changes, null, run.context, "import");
                row.outcome = "updated";
                updated++;
            }
        }
        List<UUID> ids = assets.insertAll(run.scope, toCreate.stream().map(r -> r.assetValues).toList(), run.context, "import");
        for (int i = 0; i < toCreate.size(); i++) {
            toCreate.get(i).assetId = ids.get(i);
            toCreate.get(i).outcome = "created";
        }
        List<Object[]> outcomes = new ArrayList<>();
        for (ImportRow row : run.rows) {
            UUID assetId = row.mergedInto != null ? row.mergedInto.assetId : row.assetId;
            outcomes.add(new Object[] {row.rowNumber, assetId, row.outcome});
        }
        repository.addOutcomes(run.record.id(), outcomes);
        run.result.put("assets_created", toCreate.size());
        run.result.put("assets_updated", updated);
        run.result.put("assets_unchanged", unchanged);
        run.result.put("rows_merged", merged);
        return counts("created", toCreate.size(), "updated", updated, "unchanged", unchanged, "merged", merged);
    }

    /** A later row for the same server: fills what the first lacks; conflicting values are reported, the first wins. */
    private static void mergeInto(ImportRow first, ImportRow duplicate, List<ImportIssue> issues) {
        Map<AssetField, Object> values = new EnumMap<>(first.assetValues.values());
        duplicate.assetValues.values().forEach((field, value) -> {
            Object current = values.get(field);
            if (AssetValues.isEmpty(current)) {
                values.put(field, value);
            } else if (field == AssetField.ATTRIBUTES || field == AssetField.TAGS || field == AssetField.IP_ADDRESSES
                    || field == AssetField.TECHNOLOGY_STACK) {
                values.put(field, combine(current, value));
            } else if (!AssetValues.same(current, value)) {
                issues.add(new ImportIssue(duplicate.rowNumber, field.jsonName(), String.valueOf(value),
                        "Conflicts with row " + first.rowNumber + " (same server): kept '" + current + "'", "warning", "asset_inventory"));
            }
        });
        first.assetValues = new AssetValues(values);
        first.dependencyRefs.addAll(duplicate.dependencyRefs);
        duplicate.outcome = "merged";
        duplicate.body = first.body;
        issues.add(new ImportIssue(duplicate.rowNumber, null, null, "Same server as row " + first.rowNumber
                + " (matching id, host name or address): merged into it", "warning", "asset_inventory"));
        duplicate.assetValues = null;
        duplicate.mergedInto = first;
    }

    /** What an import row changes on an existing asset: only values it provides; attributes and lists are combined. */
    private static AssetValues changes(Asset existing, AssetValues imported) {
        Map<AssetField, Object> changes = new EnumMap<>(AssetField.class);
        imported.values().forEach((field, value) -> {
            if (value == null) {
                return;
            }
            Object current = existing.get(field);
            Object next = field == AssetField.ATTRIBUTES || field == AssetField.TAGS ? combine(current, value) : value;
            if (!AssetValues.same(current, next)) {
                changes.put(field, next);
            }
        });
        return new AssetValues(changes);
    }

    @SuppressWarnings("unchecked")
    private static Object combine(Object current, Object added) {
        if (current instanceof Map<?, ?> a && added instanceof Map<?, ?> b) {
            Map<String, Object> combined = new LinkedHashMap<>((Map<String, Object>) a);
            combined.putAll((Map<String, Object>) b);
            return combined;
        }
        if (current instanceof List<?> a && added instanceof List<?> b) {
            Set<Object> combined = new LinkedHashSet<>(a);
            combined.addAll(b);
            return List.copyOf(combined);
        }
        return added;
    }


    private Map<String, Object> dependencies(ImportExecutor.ImportRun run, List<ImportIssue> issues) {
        ImportMatcher.References references = new ImportMatcher.References();
        for (ImportRow row : run.rows) {
            if (row.assetId != null && row.body != null) {
                references.add(row.assetId, row.body.get("external_id"), row.body.get("name"), row.body.get("hostname"),
                        row.body.get("fqdn"), row.body.get("ip_addresses"));
            }
        }
        for (Asset a : assets.all(run.scope)) {
            references.add(a.id(), a.externalId(), a.name(), a.hostname(), a.fqdn(), a.ipAddresses());
        }
        List<Map.Entry<UUID, UUID>> edges = new ArrayList<>();
        int unresolved = 0;
        int special = 0;
        for (ImportRow row : run.rows) {
            ImportRow owner = row.mergedInto == null ? row : row.mergedInto;
            if (row.rejected() || row.mergedInto != null || owner.assetId == null) {
                continue;
            }
            for (String reference : new LinkedHashSet<>(row.dependencyRefs)) {
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
                } else if (!target.equals(owner.assetId)) {
                    edges.add(Map.entry(owner.assetId, target));
                }
            }
        }
        int added = dependencies.addAll(run.scope, edges, run.context);
        long cycles = dependencies.graph(run.scope).cycles().size();
        run.result.put("dependencies_found", edges.size());
        run.result.put("dependencies_added", added);
        run.result.put("unresolved_references", unresolved);
        run.result.put("special_references", special);
        run.result.put("dependency_cycles", cycles);
        return counts("edges", edges.size(), "added", added, "unresolved", unresolved, "special", special, "cycles", cycles);
    }

    private static Map<String, Object> counts(Object... pairs) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], pairs[i + 1]);
        }
        return counts;
    }
}
