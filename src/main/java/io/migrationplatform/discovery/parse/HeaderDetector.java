package io.migrationplatform.discovery.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the header among the first rows of a table. Exports often start with a title such as
 * "Export generated 2024-01-01" and a blank line, so the header is the first row that is as wide
 * as the data and reads like column names.
 */
final class HeaderDetector {

    /** Title lines tolerated above the header. */
    static final int MAX_LEADING_ROWS = 10;
    /** Numbers, dates, times, IPs, percentages: values, not column names. */
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[\\d.,:/ %-]*\\d[\\d.,:/ %-]*");

    private HeaderDetector() {
    }

    /** Index in {@code rows} (non-blank rows, in file order) of the header row. */
    static int find(List<List<String>> rows) {
        int dominant = dominantWidth(rows);
        int limit = Math.min(rows.size(), MAX_LEADING_ROWS);
        for (int i = 0; i < limit; i++) {
            if (width(rows.get(i)) >= dominant && looksLikeHeader(rows.get(i))) {
                return i;
            }
        }
        // Rows narrower than the data (e.g. data rows with trailing separators): still prefer a
        // header-like row with more than one cell over a one-cell title.
        for (int i = 0; i < limit; i++) {
            if ((width(rows.get(i)) >= 2 || dominant == 1) && looksLikeHeader(rows.get(i))) {
                return i;
            }
        }
        return 0;
    }

    static boolean isNumeric(String value) {
        return NUMERIC.matcher(value).matches();
    }

    /**
     * Most frequent cell count among rows of two cells or more (one-cell rows are titles or a
     * one-column table). Ties go to the narrower count: in a tiny file an overflowing data row
     * must not outrank the header.
     */
    private static int dominantWidth(List<List<String>> rows) {
        Map<Integer, Integer> frequency = new TreeMap<>();
        rows.stream().map(HeaderDetector::width).filter(w -> w >= 2).forEach(w -> frequency.merge(w, 1, Integer::sum));
        int best = 1;
        int bestFrequency = 0;
        for (Map.Entry<Integer, Integer> e : frequency.entrySet()) {
            if (e.getValue() > bestFrequency) {
                best = e.getKey();
                bestFrequency = e.getValue();
            }
        }
        return best;
    }

    /**
     * Cells up to the last non-blank one: trailing separators ("Report,,," or "srv1,Linux,,")
     * are an exporter's padding and must not make a title as wide as the data.
     */
    static int width(List<String> cells) {
        int width = cells.size();
        while (width > 0 && Cells.isBlank(cells.get(width - 1))) {
            width--;
        }
        return width;
    }

    /** Mostly non-empty, mostly non-numeric and mostly unique cells. */
    static boolean looksLikeHeader(List<String> cells) {
        int nonEmpty = 0;
        int numeric = 0;
        Set<String> distinct = new HashSet<>();
        for (String cell : cells) {
            String value = Cells.clean(cell);
            if (value == null || value.isEmpty()) {
                continue;
            }
            nonEmpty++;
            if (isNumeric(value)) {
                numeric++;
            }
            distinct.add(value.toLowerCase(Locale.ROOT));
        }
        return nonEmpty > 0
                && nonEmpty * 2 >= width(cells)
                && numeric * 5 <= nonEmpty
                && distinct.size() * 5 >= nonEmpty * 4;
    }
}
