package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Streams the records of a delimited text file with Commons CSV. */
final class CsvCursor implements RawCursor {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvCursor(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * RFC 4180 quoting (quoted separators and line breaks) with the given separator. Empty lines
     * are kept as records so that record numbers match the rows a spreadsheet shows; the blank
     * ones are skipped later. Text after a closing quote ({@code "a"b}) is tolerated rather than
     * failing the whole upload.
     */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrailingData(true)
                .get();
    }

    static CsvCursor open(Path file, ContentSniffer.Sample sample, char delimiter) throws IOException {
        Reader reader = ContentSniffer.openText(file, sample);
        try {
            return new CsvCursor(CSVParser.builder().setReader(reader).setFormat(format(delimiter)).get());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public RawRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            return new RawRow(record.getRecordNumber(), record.toList());
        } catch (UncheckedIOException e) {
            throw new TableReadException(describe(e), e);
        }
    }

    private String describe(UncheckedIOException e) {
        long line = parser.getCurrentLineNumber();
        String detail = String.valueOf(e.getMessage());
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return "A quoted value is never closed (the file ends inside quotes, near line " + line
                    + "): check for a stray double quote (\")";
        }
        return "The file could not be read near line " + line + ": " + detail;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
