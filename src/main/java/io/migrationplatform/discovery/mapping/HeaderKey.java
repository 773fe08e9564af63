package io.migrationplatform.discovery.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header reduced to the forms the matchers compare. Exports spell the same column many ways ("Host Name",
 * "host_name", "HostName", "*Server name", "PrimaryIPAddress(optional)"), so matching is never done on the raw text.
 *
 * @param cleaned the header without BOM, surrounding blanks, Azure's leading "*" (marks a required column) and a
 *     trailing "(optional)"/"(required)" (template markers of the Google import files); lower-cased
 * @param full {@code cleaned} with every run of non-alphanumerics replaced by "_" and "_" trimmed
 * @param key {@code full} without a trailing size unit ("memory_in_mb" → "memory"); equal to full if there is none
 * @param unit the size unit that was dropped ("MB", "MiB", "GB", "GiB", "TB", "TiB"), or null
 */
record HeaderKey(String cleaned, String full, String key, String unit) {

    private static final Pattern MARKERS = Pattern.compile("^\\*+\\s*|\\s*\\((optional|required)\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    // "Memory (In MB)" → memory_in_mb, "memory_gb", "Total disk capacity MiB": the unit is a separate word.
    private static final Pattern WORD_UNIT = Pattern.compile("^(.+?)_(?:in_)?(mib|gib|tib|mb|gb|tb)$");
    // "MemoryGiB", "RAM.TotalSizeInMB", "TotalDiskAllocatedGiB": the unit is glued on in CamelCase, so it is only
    // recognised when its capitals follow a lower-case letter (that keeps e.g. "climb" or "ramgb" intact).
    private static final Pattern CAMEL_UNIT = Pattern.compile("^(.*?[a-z])(?:In)?(MiB|GiB|TiB|MB|GB|TB)$");
    private static final Map<String, String> UNITS = Map.of("mb", "MB", "mib", "MiB", "gb", "GB", "gib", "GiB",
            "tb", "TB", "tib", "TiB");

    static HeaderKey of(String header) {
        String trimmed = header == null ? "" : header.replace("\uFEFF", "").strip();
        String unmarked = MARKERS.matcher(trimmed).replaceAll("").strip();
        String cleaned = unmarked.toLowerCase(Locale.ROOT);
        String full = normalise(unmarked);

        Matcher word = WORD_UNIT.matcher(full);
        if (word.matches()) {
            return new HeaderKey(cleaned, full, word.group(1), UNITS.get(word.group(2)));
        }
        Matcher camel = CAMEL_UNIT.matcher(unmarked);
        if (camel.matches()) {
            String key = normalise(camel.group(1));
            if (!key.isEmpty()) {
                return new HeaderKey(cleaned, full, key, UNITS.get(camel.group(2).toLowerCase(Locale.ROOT)));
            }
        }
        return new HeaderKey(cleaned, full, full, null);
    }

    /** Lower case, every run of non-alphanumerics to "_", no "_" at either end. */
    static String normalise(String text) {
        String underscored = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return underscored.replaceAll("^_+|_+$", "");
    }

    /** Without any "_": "Host Name", "host_name" and "HostName" all become "hostname". */
    static String compact(String normalised) {
        return normalised.replace("_", "");
    }

    String compactFull() {
        return compact(full);
    }

    String compactKey() {
        return compact(key);
    }
}
