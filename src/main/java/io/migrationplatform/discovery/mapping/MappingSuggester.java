package io.migrationplatform.discovery.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggests, for every column of an uploaded table, the canonical field it maps to. Plain code, no I/O: it sees the
 * header row only, so the same suggestion comes back for the same headers.
 *
 * <p>Evidence, strongest first (the confidence each gives):
 * <ol>
 * <li>known source format — three or more characteristic headers of AWS ADS, Azure Migrate, RVTools or Google
 *     Migration Center make that export's own table apply to its columns (0.98);</li>
 * <li>exact name of a target, case aside (0.97);</li>
 * <li>known synonym from {@link HeaderSynonyms} (0.9);</li>
 * <li>a target name under other punctuation/case/unit suffix (0.8);</li>
 * <li>Jaro-Winkler ≥ 0.88 against every target and synonym (similarity × 0.8, so at most 0.8);</li>
 * <li>otherwise the column is kept as an attribute (0.5, "no_match"): nothing is ever dropped.</li>
 * </ol>
 * Then two table-wide rules: a target (other than "attributes") is fed by one column only — the most confident, the
 * left-most on a tie; the others are kept as attributes with their reason, half their confidence and a note — except
 * Azure's per-disk sizes, which all feed storage_gb (summed by the importer). And a table with host-like columns but
 * no name-like one maps its best host column to "name" (one mapping per column; the importer reuses it as hostname,
 * see {@link MappingSuggestion#hostnameColumn()}).
 */
public final class MappingSuggester {

    static final double KNOWN_FORMAT = 0.98;
    /** A column that lost its target to a better one: still a hint for the reviewer, but below any kept match. */
    static final double DEMOTION_FACTOR = 0.5;
    /** The note of a host column promoted to "name"; {@link MappingSuggestion#hostnameColumn()} recognises it. */
    static final String HOST_AS_NAME_NOTE = "no name column: the host name is the asset's name and also its hostname";

    private MappingSuggester() {
    }

    public static MappingSuggestion suggest(List<String> columns) {
        List<HeaderKey> headers = columns.stream().map(HeaderKey::of).toList();
        Set<String> compactHeaders = headers.stream().map(HeaderKey::compactFull).collect(Collectors.toSet());
        KnownFormats.Detection detection = KnownFormats.detect(compactHeaders);

        List<ColumnMapping> mappings = new ArrayList<>();
        Set<Integer> summed = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i) == null ? "" : columns.get(i);
            HeaderKey header = headers.get(i);
            Optional<KnownFormat.Hit> hit = detection.format() == null ? Optional.empty()
                    : detection.format().lookup(header, compactHeaders);
            if (hit.isPresent()) {
                String unit = hit.get().unit() != null ? hit.get().unit() : header.unit();
                mappings.add(new ColumnMapping(column, hit.get().target(), KNOWN_FORMAT, ColumnMapping.KNOWN_SOURCE_FORMAT,
                        ColumnMatcher.unitFor(hit.get().target(), unit)));
                if (hit.get().summed()) {
                    summed.add(i);
                }
            } else {
                // A column the export does not define (e.g. an RVTools custom attribute) is matched like any other.
                mappings.add(ColumnMatcher.match(column, header));
            }
        }
        resolveConflicts(mappings, summed);
        promoteHostToName(mappings);
        return new MappingSuggestion(detection.sourceType(), detection.confidence(), mappings);
    }

    /** One column per target: two "host" columns would otherwise race to write the same field row by row. */
    private static void resolveConflicts(List<ColumnMapping> mappings, Set<Integer> summed) {
        Map<String, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < mappings.size(); i++) {
            if (!mappings.get(i).isAttribute()) {
                byTarget.computeIfAbsent(mappings.get(i).targetField(), t -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> indices : byTarget.values()) {
            // Summed columns compete as one contender; every other column on its own.
            List<List<Integer>> contenders = new ArrayList<>();
            List<Integer> summedGroup = indices.stream().filter(summed::contains).toList();
            if (!summedGroup.isEmpty()) {
                contenders.add(summedGroup);
            }
            indices.stream().filter(i -> !summed.contains(i)).forEach(i -> contenders.add(List.of(i)));
            if (contenders.size() < 2) {
                continue;
            }
            Comparator<List<Integer>> strongest = Comparator
                    .comparingDouble((List<Integer> c) -> c.stream().mapToDouble(i -> mappings.get(i).confidence()).max()
                            .orElse(0))
                    .reversed()
                    .thenComparingInt(c -> c.get(0));
            contenders.sort(strongest);
            String winner = mappings.get(contenders.get(0).get(0)).sourceColumn();
            for (List<Integer> loser : contenders.subList(1, contenders.size())) {
                for (int i : loser) {
                    ColumnMapping lost = mappings.get(i);
                    mappings.set(i, lost.withTarget(MappingTargets.ATTRIBUTES, round(lost.confidence() * DEMOTION_FACTOR),
                            lost.reason(), null, "also looks like " + lost.targetField() + ", which is taken from column '"
                                    + winner + "'; kept as an attribute"));
                }
            }
        }
    }

    /**
     * An asset needs a name. When no column is name-like ("Name", "asset_name", "VM"...) the host column is the
     * name; it is not also mapped to hostname (a column has one mapping), the importer reuses it for that.
     */
    private static void promoteHostToName(List<ColumnMapping> mappings) {
        if (mappings.stream().anyMatch(m -> m.targetField().equals("name"))) {
            return;
        }
        for (int i = 0; i < mappings.size(); i++) {
            ColumnMapping host = mappings.get(i);
            if (host.targetField().equals("hostname")) {
                // "exact_name" would claim the header is literally "name"; it is a host column used as the name.
                String reason = ColumnMapping.EXACT_NAME.equals(host.reason()) ? ColumnMapping.KNOWN_SYNONYM : host.reason();
                mappings.set(i, host.withTarget("name", Math.min(host.confidence(), ColumnMatcher.SYNONYM), reason, null,
                        HOST_AS_NAME_NOTE));
                return;
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
