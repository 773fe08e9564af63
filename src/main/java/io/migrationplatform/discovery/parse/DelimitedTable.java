package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a CSV/TSV/semicolon/pipe file as a {@link TableReader}. */
final class DelimitedTable {

    private DelimitedTable() {
    }

    static TableReader open(Path file, ContentSniffer.Sample sample) throws UnreadableFileException {
        char delimiter = DelimiterDetector.detect(sample.text(), sample.truncated());
        CsvCursor cursor;
        try {
            cursor = CsvCursor.open(file, sample, delimiter);
        } catch (IOException e) {
            throw new UnreadableFileException("The file could not be read", e);
        }
        try {
            TabularRows rows = TabularRows.start(cursor);
            TableFormat format = new TableFormat(DelimiterDetector.formatName(delimiter), sample.encodingLabel(),
                    delimiter, Math.toIntExact(rows.headerRow()));
            return new TableReader(format, rows.columns(), rows, cursor);
        } catch (UnreadableFileException | RuntimeException e) {
            TableReader.closeQuietly(cursor, e);
            throw e;
        }
    }
}
