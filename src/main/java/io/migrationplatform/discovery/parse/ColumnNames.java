package io.migrationplatform.discovery.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns header cells into usable, unique column names. */
final class ColumnNames {

    private ColumnNames() {
    }

    /**
     * Trims names (keeping markers such as Azure Migrate's leading "*"), names blank cells
     * "column_n", and suffixes duplicates "_2", "_3". Duplicates are compared case-insensitively
     * because column mapping downstream ignores case. Trailing blank header cells are dropped:
     * spreadsheets export them as stray separators, they are not columns.
     */
    static List<String> from(List<String> headerCells) {
        int width = headerCells.size();
        while (width > 0 && Cells.isBlank(headerCells.get(width - 1))) {
            width--;
        }
        List<String> names = new ArrayList<>(width);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = Cells.clean(headerCells.get(i));
            if (name != null && !name.isEmpty()) {
                taken.add(key(name));
            }
        }
        Set<String> used = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = Cells.clean(headerCells.get(i));
            if (name == null || name.isEmpty()) {
                name = unique("column_" + (i + 1), used, taken, false);
            } else {
                name = unique(name, used, taken, true);
            }
            used.add(key(name));
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * The name itself if unused, else the first free "name_n". {@code taken} holds the header's
     * own names so a generated one never steals a name that appears later in the header.
     */
    private static String unique(String name, Set<String> used, Set<String> taken, boolean ownName) {
        if (!used.contains(key(name)) && (ownName || !taken.contains(key(name)))) {
            return name;
        }
        for (int n = 2; ; n++) {
            String candidate = name + "_" + n;
            if (!used.contains(key(candidate)) && !taken.contains(key(candidate))) {
                return candidate;
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
