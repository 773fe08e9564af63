package io.migrationplatform.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rows to a stream as they come, in one of the {@link ExportFormat}s: nothing but the current
 * row (and, for XLSX, a bounded window of rows) is held in memory. Open with {@link #open}, call
 * {@link #row} per row, then {@link #close}, which finishes the file; the caller owns {@code out}.
 */
public abstract class TableWriter<T> implements AutoCloseable {

    protected final List<ExportColumn<T>> columns;
    private long rows;

    protected TableWriter(List<ExportColumn<T>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** A writer that has already written the header (CSV, XLSX) or the opening bracket (JSON). */
    public static <T> TableWriter<T> open(ExportFormat format, List<ExportColumn<T>> columns, String sheetName, OutputStream out) {
        try {
            return switch (format) {
                case CSV -> new CsvTableWriter<>(columns, out);
                case XLSX -> new XlsxTableWriter<>(columns, sheetName, out);
                case JSON -> new JsonTableWriter<>(columns, out);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row; an I/O failure (the client went away) is an {@link UncheckedIOException}. */
    public final void row(T item) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (ExportColumn<T> column : columns) {
            cells.add(column.value().apply(item));
        }
        try {
            writeRow(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    protected abstract void writeRow(List<Object> cells) throws IOException;

    protected abstract void finish() throws IOException;

    @Override
    public final void close() {
        try {
            finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final tools.jackson.databind.json.JsonMapper OBJECTS = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A cell as text for the text formats: lists joined with "; ", objects as JSON, dates in ISO-8601, null as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Map<?, ?> object) {
            return OBJECTS.writeValueAsString(object);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(TableWriter::text).collect(Collectors.joining("; "));
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
