package io.migrationplatform.identity.auth;

/**
 * The firewall's rules for header names and values and parameter names, without regular expressions:
 * every character assigned in Unicode and none a control character — except a tab, which a header value may
 * hold. They decide exactly what Spring Security's default patterns {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}
 * and {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} decide (property-tested against them). The patterns
 * ran for every header read of every request, the whole bearer token included, and took about a seventh of
 * the CPU of an authenticated {@code GET}; these loops decide an ASCII character with two comparisons.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /** Header names and parameter names. */
    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** Header values: a tab is allowed too. */
    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c < 0x80) {
                if ((c < 0x20 && !(tab && c == '\t')) || c == 0x7f) {
                    return false;
                }
            } else {
                int type = Character.getType(c);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
