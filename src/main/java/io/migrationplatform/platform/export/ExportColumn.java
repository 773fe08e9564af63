package io.migrationplatform.platform.export;

import java.util.function.Function;

/**
 * One column of an export: {@code key} names it in JSON, {@code header} in CSV and XLSX, {@code width}
 * is its XLSX width in characters, {@code value} reads the cell from a row. A cell is a string, a
 * number, a boolean, a date or timestamp, a list (joined with "; " in CSV and XLSX), a map (an object in JSON,
 * JSON text in CSV and XLSX), anything else (written as its text) or null.
 */
public record ExportColumn<T>(String key, String header, int width, Function<? super T, ?> value) {

    public static <T> ExportColumn<T> of(String key, String header, int width, Function<? super T, ?> value) {
        return new ExportColumn<>(key, header, width, value);
    }
}
