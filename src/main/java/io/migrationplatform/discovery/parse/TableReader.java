package io.migrationplatform.discovery.parse;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Streaming reader for uploaded inventory tables (CSV and its semicolon/tab/pipe variants, xlsx,
 * JSON arrays of objects). {@link #open} detects the format from the content and fails fast with
 * a user-facing {@link UnreadableFileException}; {@link #rows()} then streams the data rows with
 * bounded memory, so a 100,000-row upload is never held in memory.
 *
 * <p>Not thread-safe; single pass: {@link #rows()} always returns the same iterator. Close it
 * (try-with-resources) to release the file handle.
 */
public final class TableReader implements AutoCloseable {

    private final TableFormat format;
    private final List<String> columns;
    private final Iterator<SourceRow> rows;
    private final Closeable resource;

    TableReader(TableFormat format, List<String> columns, Iterator<SourceRow> rows, Closeable resource) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.resource = resource;
    }

    /**
     * Detects format, encoding, delimiter and header row from the content of {@code file}.
     * {@code originalFilename} is only a hint (a ".json" name makes JSON win over content sniffing);
     * it may be null.
     */
    public static TableReader open(Path file, String originalFilename) throws UnreadableFileException {
        ContentSniffer.Sample sample;
        try {
            sample = ContentSniffer.sniff(file, originalFilename);
        } catch (IOException e) {
            throw new UnreadableFileException("The file could not be read", e);
        }
        return switch (sample.kind()) {
            case XLSX -> XlsxTable.open(file);
            case JSON -> JsonTable.open(file, sample);
            case TEXT -> DelimitedTable.open(file, sample);
        };
    }

    public TableFormat format() {
        return format;
    }

    /** Header names: trimmed, BOM removed, blank ones "column_n", duplicates suffixed "_2", "_3". */
    public List<String> columns() {
        return columns;
    }

    /**
     * The data rows, streamed from the file. Iteration may throw {@link TableReadException} if the
     * content turns unreadable after the part examined by {@link #open}.
     */
    public Iterator<SourceRow> rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases a resource after a failed open without hiding the original failure. */
    static void closeQuietly(Closeable resource, Exception failure) {
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
