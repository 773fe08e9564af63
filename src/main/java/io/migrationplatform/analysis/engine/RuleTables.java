package io.migrationplatform.analysis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the engine's CSV tables from the classpath. Lines starting with {@code #} are comments, so
 * the tables can carry their own explanations when a consultant opens them in an editor.
 */
final class RuleTables {

    static final String RULES = "/analysis/rules.csv";
    static final String KEYWORDS = "/analysis/technology-keywords.csv";
    static final String STRATEGIES = "/analysis/strategies.csv";

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private RuleTables() {
    }

    /** One row with its line number, for error messages that point at the table. */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalStateException("line " + line + ": missing column '" + column + "'");
            }
            return value;
        }
    }

    static List<Row> read(String resource) {
        List<Row> rows = new ArrayList<>();
        try (Reader reader = open(resource)) {
            for (CSVRecord record : CSV.parse(reader)) {
                rows.add(new Row(record.getParser().getCurrentLineNumber(), record.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }

    /** A short digest of all tables: stored with every analysis so it says which rules produced it. */
    static String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String resource : List.of(RULES, KEYWORDS, STRATEGIES)) {
                try (InputStream in = stream(resource)) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reader open(String resource) {
        return new InputStreamReader(stream(resource), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String resource) {
        InputStream in = RuleTables.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return in;
    }
}
