package io.migrationplatform.analysis.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits versions into comparable tokens so that inventory versions and the data set's cycles can be
 * compared component by component: {@code 12.0-sp3} → [12, 0, sp3], {@code 2012-r2} → [2012, r2],
 * {@code 20.04} → [20, 4]. Numeric tokens lose leading zeros because the data set itself is
 * inconsistent ({@code mssqlserver} has both {@code 10.00-sp3} and {@code 10.0-sp4}; Ubuntu writes
 * {@code 20.04}, Amazon Linux {@code 2018.03}).
 */
final class VersionTokens {

    private static final Pattern SEPARATORS = Pattern.compile("[.\\-\\s]+");
    private static final Pattern SERVICE_PACK = Pattern.compile("sp\\d+[a-z]?");

    private VersionTokens() {
    }

    static List<String> of(String version) {
        List<String> tokens = new ArrayList<>(4);
        for (String part : SEPARATORS.split(version.trim().toLowerCase(Locale.ROOT))) {
            if (!part.isEmpty()) {
                tokens.add(normalise(part));
            }
        }
        return tokens;
    }

    /** Strips leading zeros from purely numeric tokens ("04" → "4", "00" → "0"); others unchanged. */
    static String normalise(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return token;
            }
        }
        int start = 0;
        while (start < token.length() - 1 && token.charAt(start) == '0') {
            start++;
        }
        return token.substring(start);
    }

    static boolean isPrefix(List<String> prefix, List<String> of) {
        return prefix.size() <= of.size() && of.subList(0, prefix.size()).equals(prefix);
    }

    /** Whether every token of {@code cycle} beyond {@code prefixLength} is a service pack (sp1, sp5a). */
    static boolean onlyServicePacksAfter(List<String> cycle, int prefixLength) {
        for (int i = prefixLength; i < cycle.size(); i++) {
            if (!SERVICE_PACK.matcher(cycle.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }
}
