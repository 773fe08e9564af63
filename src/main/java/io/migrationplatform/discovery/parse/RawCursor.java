package io.migrationplatform.discovery.parse;

import java.io.Closeable;
import java.util.List;

/**
 * Pull-style source of physical rows (CSV records, sheet rows) before any header logic.
 * {@link #next()} returns null at the end and throws {@link TableReadException} when the content
 * cannot be parsed.
 */
interface RawCursor extends Closeable {

    /** A row as found in the file; {@code number} is its 1-based spreadsheet row number. */
    record RawRow(long number, List<String> cells) {
    }

    RawRow next();
}
