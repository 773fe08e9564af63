package io.migrationplatform.discovery.parse;

import java.util.List;

/**
 * One data row of an uploaded table.
 *
 * @param rowNumber 1-based number of the row as a person sees it in a spreadsheet (the header has
 *                  its own number, skipped blank lines still count), so error reports can point at it
 * @param values    aligned with {@link TableReader#columns()}; cells missing at the end of a short
 *                  row are null, present-but-empty cells are ""
 * @param extra     cells beyond the header's width (trailing blank ones dropped); for JSON, keys not
 *                  seen while the columns were collected, as "key=value"
 */
public record SourceRow(long rowNumber, List<String> values, List<String> extra) {
}
