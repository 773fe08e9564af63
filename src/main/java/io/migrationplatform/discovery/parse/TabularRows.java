package io.migrationplatform.discovery.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Header detection and row alignment for row-shaped sources (delimited text and xlsx). Only a
 * bounded look-ahead of {@value #LOOK_AHEAD} rows is held in memory; the rest is streamed.
 */
final class TabularRows implements Iterator<SourceRow> {

    static final int LOOK_AHEAD = 50;

    private final RawCursor cursor;
    private final Deque<RawCursor.RawRow> buffer;
    private final List<String> columns;
    private final long headerRow;
    private SourceRow next;

    private TabularRows(RawCursor cursor, Deque<RawCursor.RawRow> buffer, List<String> columns, long headerRow) {
        this.cursor = cursor;
        this.buffer = buffer;
        this.columns = columns;
        this.headerRow = headerRow;
    }

    /** Reads up to the first data row; refuses files without a header or without data. */
    static TabularRows start(RawCursor cursor) throws UnreadableFileException {
        try {
            Deque<RawCursor.RawRow> buffer = new ArrayDeque<>();
            RawCursor.RawRow row;
            while (buffer.size() < LOOK_AHEAD && (row = nextNonBlank(cursor)) != null) {
                buffer.add(row);
            }
            if (buffer.isEmpty()) {
                throw new UnreadableFileException("The file is empty");
            }
            List<List<String>> cells = new ArrayList<>();
            buffer.forEach(r -> cells.add(r.cells()));
            int headerIndex = HeaderDetector.find(cells);
            for (int i = 0; i < headerIndex; i++) {
                buffer.removeFirst(); // title lines above the header
            }
            RawCursor.RawRow header = buffer.removeFirst();
            List<String> columns = ColumnNames.from(header.cells());
            if (columns.isEmpty()) {
                throw new UnreadableFileException("The file has no column names");
            }
            TabularRows rows = new TabularRows(cursor, buffer, columns, header.number());
            if (!rows.hasNext()) {
                throw new UnreadableFileException("The file has a header but no data rows");
            }
            return rows;
        } catch (TableReadException e) {
            throw e.unreadable();
        }
    }

    List<String> columns() {
        return columns;
    }

    long headerRow() {
        return headerRow;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            RawCursor.RawRow raw = buffer.isEmpty() ? nextNonBlank(cursor) : buffer.removeFirst();
            if (raw != null) {
                next = align(raw);
            }
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    private SourceRow align(RawCursor.RawRow raw) {
        List<String> cells = raw.cells();
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length && i < cells.size(); i++) {
            values[i] = Cells.clean(cells.get(i));
        }
        int end = cells.size();
        while (end > values.length && Cells.isBlank(cells.get(end - 1))) {
            end--;
        }
        List<String> extra = new ArrayList<>(Math.max(0, end - values.length));
        for (int i = values.length; i < end; i++) {
            extra.add(Cells.clean(cells.get(i)));
        }
        // Arrays.asList because values may hold nulls (List.of refuses them).
        return new SourceRow(raw.number(), Collections.unmodifiableList(Arrays.asList(values)),
                Collections.unmodifiableList(extra));
    }

    /** Empty lines and rows of blank cells are not rows. */
    private static RawCursor.RawRow nextNonBlank(RawCursor cursor) {
        RawCursor.RawRow row;
        while ((row = cursor.next()) != null) {
            for (String cell : row.cells()) {
                if (!Cells.isBlank(cell)) {
                    return row;
                }
            }
        }
        return null;
    }
}
