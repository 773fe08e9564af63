package io.migrationplatform.discovery.parse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Chooses the field separator of a text table from a sample: the candidate that splits the first
 * lines into the most consistent number of fields wins. Lines are split by a real CSV parser, so
 * a quoted "a,b" or a quoted line break does not count as a separator.
 */
final class DelimiterDetector {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_RECORDS = 50;
    /** Candidates this close to the best consistency are considered equally consistent. */
    private static final double TOLERANCE = 0.05;

    private DelimiterDetector() {
    }

    /** Returns the delimiter; ',' for a table of one column. */
    static char detect(String sampleText, boolean truncated) throws UnreadableFileException {
        String text = sampleText;
        if (truncated && text.lastIndexOf('\n') > 0) {
            text = text.substring(0, text.lastIndexOf('\n')); // drop the partial last line
        }
        Score best = null;
        List<Score> scores = new ArrayList<>();
        for (char candidate : CANDIDATES) {
            Score score = score(text, candidate);
            // Two rows must agree (header and a data row) unless the sample has a single row.
            if (score.modalCount >= 2 && (score.modalFrequency >= 2 || score.records == 1)) {
                scores.add(score);
                if (best == null || score.consistency() > best.consistency()) {
                    best = score;
                }
            }
        }
        if (best == null) {
            if (text.isBlank() || score(text, ',').records == 0) {
                throw new UnreadableFileException("The file is empty"); // only separators and blanks
            }
            if (looksLikeOneColumnTable(text)) {
                return ',';
            }
            throw new UnreadableFileException(ContentSniffer.NOT_A_TABLE
                    + ": no column separator (comma, semicolon, tab or pipe) was found");
        }
        // Among equally consistent candidates, the one that splits the earliest line (normally
        // the header) into the modal count wins: a semicolon file with decimal commas ("16,5")
        // has consistent comma counts in the data rows too, but not in its header.
        Score chosen = best;
        for (Score s : scores) {
            if (s.consistency() >= best.consistency() - TOLERANCE
                    && (s.firstModalIndex < chosen.firstModalIndex
                    || s.firstModalIndex == chosen.firstModalIndex && s.modalCount > chosen.modalCount)) {
                chosen = s;
            }
        }
        return chosen.delimiter;
    }

    static String formatName(char delimiter) {
        return switch (delimiter) {
            case ';' -> "semicolon";
            case '\t' -> "tsv";
            case '|' -> "pipe";
            default -> "csv";
        };
    }

    private record Score(char delimiter, int modalCount, int modalFrequency, int records, int firstModalIndex) {

        double consistency() {
            return records == 0 ? 0 : (double) modalFrequency / records;
        }
    }

    private static Score score(String text, char delimiter) {
        List<Integer> counts = new ArrayList<>();
        CSVFormat format = CsvCursor.format(delimiter).builder()
                .setIgnoreEmptyLines(true).setLenientEof(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                if (!isBlank(record)) {
                    counts.add(record.size());
                }
                if (counts.size() >= SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // A malformed sample under this delimiter: score what was parsed before the problem.
        }
        if (counts.isEmpty()) {
            return new Score(delimiter, 0, 0, 0, Integer.MAX_VALUE);
        }
        Map<Integer, Integer> frequency = new HashMap<>();
        counts.forEach(c -> frequency.merge(c, 1, Integer::sum));
        int modal = 0;
        int modalFrequency = 0;
        for (Map.Entry<Integer, Integer> e : frequency.entrySet()) {
            if (e.getValue() > modalFrequency || e.getValue() == modalFrequency && e.getKey() > modal) {
                modal = e.getKey();
                modalFrequency = e.getValue();
            }
        }
        return new Score(delimiter, modal, modalFrequency, counts.size(), counts.indexOf(modal));
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!Cells.isBlank(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Without any separator, accept a list (e.g. of host names) only if its first line reads like
     * a column name and no line reads like prose; otherwise this is probably not a table at all.
     */
    private static boolean looksLikeOneColumnTable(String text) {
        String[] lines = text.split("\\R");
        String first = null;
        for (String line : lines) {
            if (line.length() > 256) {
                return false;
            }
            if (first == null && !line.isBlank()) {
                first = Cells.clean(line);
            }
        }
        return first != null && first.length() <= 64 && first.chars().anyMatch(Character::isLetter)
                && !HeaderDetector.isNumeric(first);
    }
}
