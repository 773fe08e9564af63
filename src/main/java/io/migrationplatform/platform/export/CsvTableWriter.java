package io.migrationplatform.platform.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF, quotes doubled) in UTF-8 with a byte order mark, so Excel reads accents
 * correctly. Text cells that a spreadsheet would run as a formula are neutralised.
 */
final class CsvTableWriter<T> extends TableWriter<T> {

    private static final char BOM = '\uFEFF';

    private final Writer writer;
    private final CSVPrinter printer;

    CsvTableWriter(List<ExportColumn<T>> columns, OutputStream out) throws IOException {
        super(columns);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        writer.write(BOM);
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(columns.size());
        columns.forEach(c -> header.add(neutralise(c.header())));
        printer.printRecord(header);
    }

    @Override
    protected void writeRow(List<Object> cells) throws IOException {
        List<String> values = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            values.add(cell instanceof Number || cell instanceof Boolean ? String.valueOf(cell) : neutralise(text(cell)));
        }
        printer.printRecord(values);
    }

    @Override
    protected void finish() throws IOException {
        printer.flush();
        writer.flush();
    }

    /**
     * CSV (formula) injection: a text cell starting with {@code = + - @}, a tab or a carriage return
     * is prefixed with {@code '} so a spreadsheet shows it as text instead of evaluating it.
     * Numbers are written as numbers, so a negative number stays a number.
     */
    static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
