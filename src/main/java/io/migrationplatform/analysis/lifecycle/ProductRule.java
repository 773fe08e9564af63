package io.migrationplatform.analysis.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of product-patterns.csv: how to recognise a product family in lower-cased text and pull
 * out its version. Patterns are compiled once at load time; the keyword pre-check lets the
 * catalog skip most regexes with a cheap {@code String.contains} (the engine calls this ~100k/s).
 *
 * @param keywords lower-case substrings, at least one of which must occur before the regex is tried
 * @param pattern  capture groups (the non-null ones, joined with '.') form the version
 * @param refine   which more specific cycles a version may stand for, see {@link Refine}
 * @param aliases  whole-version replacements, e.g. SQL Server marketing year 2014 → engine 12.0
 */
record ProductRule(String product, List<String> keywords, Pattern pattern, Refine refine,
        Map<List<String>, List<String>> aliases) {

    /**
     * How a version that names fewer components than a cycle is resolved. Coarser cycles
     * ("7.9" → RHEL 7) are always accepted; this only governs finer ones.
     */
    enum Refine {
        /** Only the exact cycle (Ubuntu 20.04 is not 20.04.x; MySQL 8 must not become 8.4). */
        EXACT,
        /** Also cycles that only add service packs: "SQL Server 2014" → 12.0-sp3, "Windows 2008 R2" → 2008-r2-sp1. */
        SP,
        /** Any finer cycle: "AIX 7.1" → 7.1.5 (TL5), "Oracle 11g" → 11.2, "SLES 12" → 12.5. */
        ALL
    }

    /** Service pack mentioned anywhere in the text ("... R2 SP1", "Service Pack 2"); used by SP rules. */
    private static final Pattern SERVICE_PACK = Pattern.compile("\\b(?:sp|service\\s+pack)\\s*(\\d+)\\b");

    /** Product and version found in the text, and where. */
    record Hit(List<String> version, int start, int end) {
    }

    Hit find(String lowerText) {
        if (!mentionsKeyword(lowerText)) {
            return null;
        }
        Matcher m = pattern.matcher(lowerText);
        if (!m.find()) {
            return null;
        }
        List<String> version = new ArrayList<>(4);
        for (int g = 1; g <= m.groupCount(); g++) {
            String group = m.group(g);
            if (group != null) {
                version.addAll(VersionTokens.of(group.replace(" ", "")));
            }
        }
        version = new ArrayList<>(aliases.getOrDefault(version, version));
        if (refine == Refine.SP) {
            Matcher sp = SERVICE_PACK.matcher(lowerText);
            if (sp.find(m.start())) {
                version.add("sp" + VersionTokens.normalise(sp.group(1)));
            }
        }
        return new Hit(version, m.start(), m.end());
    }

    private boolean mentionsKeyword(String lowerText) {
        for (String keyword : keywords) {
            if (lowerText.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    static Refine refine(String value) {
        return Refine.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
