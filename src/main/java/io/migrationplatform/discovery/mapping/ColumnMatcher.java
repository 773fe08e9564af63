package io.migrationplatform.discovery.mapping;

import io.migrationplatform.assets.AssetField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Maps one header on its own, from the strongest evidence to the weakest: exact canonical name → known synonym →
 * normalised canonical name → fuzzy similarity → kept as attribute. (Known export formats come before all of these;
 * see {@link MappingSuggester}.)
 */
final class ColumnMatcher {

    static final double EXACT = 0.97;
    static final double SYNONYM = 0.9;
    static final double NORMALIZED = 0.8;
    /** Fuzzy confidence is the similarity scaled by this: even a near-perfect typo ranks below a normalised name. */
    static final double FUZZY_SCALE = 0.8;
    static final double FUZZY_THRESHOLD = 0.88;
    static final double NO_MATCH = 0.5;
    /** Jaro-Winkler rates short strings too generously ("os" vs "ou"); short headers must match a table exactly. */
    private static final int FUZZY_MIN_LENGTH = 4;
    /**
     * Jaro-Winkler also rewards a shared prefix, so "Strategy Notes" scores 0.92 against "strategy" and "City" 0.93
     * against "ci_type". A typo keeps the length and changes a letter or two; so a candidate must also be of similar
     * length and within a small edit distance.
     */
    private static final double FUZZY_MIN_LENGTH_RATIO = 0.8;
    private static final int FUZZY_MAX_EDITS = 2;
    private static final int FUZZY_MAX_EDITS_SHORT = 1;
    private static final int SHORT = 6;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    // Fuzzy candidates: every synonym spelling and every canonical name (compact) with its target.
    private static final Map<String, String> CANDIDATES = candidates();

    private ColumnMatcher() {
    }

    static ColumnMapping match(String column, HeaderKey header) {
        if (MappingTargets.isValid(header.cleaned())) {
            return mapping(column, header.cleaned(), EXACT, ColumnMapping.EXACT_NAME, header);
        }
        String synonym = firstNonNull(HeaderSynonyms.target(header.full()), HeaderSynonyms.target(header.key()));
        if (synonym != null) {
            return mapping(column, synonym, SYNONYM, ColumnMapping.KNOWN_SYNONYM, header);
        }
        String normalised = normalisedTarget(header);
        if (normalised != null) {
            return mapping(column, normalised, NORMALIZED, ColumnMapping.NORMALIZED_NAME, header);
        }
        ColumnMapping fuzzy = fuzzy(column, header);
        if (fuzzy != null) {
            return fuzzy;
        }
        return new ColumnMapping(column, MappingTargets.ATTRIBUTES, NO_MATCH, ColumnMapping.NO_MATCH, null);
    }

    /** The unit only means something for the size fields; elsewhere it is dropped. */
    static String unitFor(String target, String unit) {
        return AssetField.MEMORY_GB.jsonName().equals(target) || AssetField.STORAGE_GB.jsonName().equals(target)
                ? unit : null;
    }

    private static ColumnMapping mapping(String column, String target, double confidence, String reason,
            HeaderKey header) {
        return new ColumnMapping(column, target, confidence, reason, unitFor(target, header.unit()));
    }

    /** "Database Version", "TechnologyStack", "Memory (GB)": a canonical name under other punctuation or case. */
    private static String normalisedTarget(HeaderKey header) {
        for (String target : MappingTargets.all()) {
            HeaderKey canonical = HeaderKey.of(target);
            if (header.compactFull().equals(canonical.compactFull()) || header.compactKey().equals(canonical.compactFull())
                    || (header.unit() != null && header.compactKey().equals(canonical.compactKey()))) {
                return target;
            }
        }
        return null;
    }

    private static ColumnMapping fuzzy(String column, HeaderKey header) {
        String probe = header.compactKey();
        if (probe.length() < FUZZY_MIN_LENGTH) {
            return null;
        }
        String bestTarget = null;
        double best = 0;
        for (Map.Entry<String, String> candidate : CANDIDATES.entrySet()) {
            if (!typoDistance(probe, candidate.getKey())) {
                continue;
            }
            double similarity = JARO_WINKLER.apply(probe, candidate.getKey());
            if (similarity > best) {
                best = similarity;
                bestTarget = candidate.getValue();
            }
        }
        if (best < FUZZY_THRESHOLD) {
            return null;
        }
        double confidence = Math.round(best * FUZZY_SCALE * 1000) / 1000.0;
        return new ColumnMapping(column, bestTarget, confidence, ColumnMapping.FUZZY_SIMILARITY,
                unitFor(bestTarget, header.unit()), "closest known header spelling, similarity " + Math.round(best * 100)
                        + "%");
    }

    private static boolean typoDistance(String probe, String candidate) {
        int shorter = Math.min(probe.length(), candidate.length());
        int longer = Math.max(probe.length(), candidate.length());
        if (shorter < FUZZY_MIN_LENGTH_RATIO * longer) {
            return false;
        }
        int maxEdits = longer < SHORT ? FUZZY_MAX_EDITS_SHORT : FUZZY_MAX_EDITS;
        // A thresholded Levenshtein answers -1 beyond the threshold, and stops early doing so.
        return new LevenshteinDistance(maxEdits).apply(probe, candidate) >= 0;
    }

    private static Map<String, String> candidates() {
        // Insertion order decides ties, so canonical names (most specific) go first.
        Map<String, String> candidates = new LinkedHashMap<>();
        for (String target : MappingTargets.all()) {
            candidates.put(HeaderKey.compact(target), target);
        }
        HeaderSynonyms.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> candidates.putIfAbsent(e.getKey(), e.getValue()));
        return candidates;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
