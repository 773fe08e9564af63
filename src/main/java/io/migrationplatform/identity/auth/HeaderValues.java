package io.migrationplatform.identity.auth;

/**
 * The firewall's rule for header values, without a regular expression: every character assigned in
 * Unicode and none a control character (tab included) — what Spring Security's default
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} allows. The default pattern ran over every header value of
 * every request, the whole bearer token included, and took about a seventh of the CPU of an
 * authenticated {@code GET}; this loop decides an ASCII character with two comparisons.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7f) {
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
