package io.migrationplatform.discovery.parse;

/**
 * What detection found about an uploaded file.
 *
 * @param format    "csv" | "tsv" | "semicolon" | "pipe" | "xlsx" | "json"
 * @param encoding  e.g. "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "windows-1252"; null for xlsx
 * @param delimiter the field separator; null for xlsx and json
 * @param headerRow 1-based row of the header as a spreadsheet would number it (physical line for
 *                  text unless a quoted value spans lines above it; sheet row for xlsx; 1 for json)
 */
public record TableFormat(String format, String encoding, Character delimiter, int headerRow) {
}
