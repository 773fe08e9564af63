package io.migrationplatform.discovery.parse;

/** Cell text normalisation shared by all formats. */
final class Cells {

    private Cells() {
    }

    /**
     * Strips surrounding whitespace, including the no-break spaces spreadsheets love and a stray
     * byte-order mark; inner content is kept as is. Null stays null (a missing cell).
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    static boolean isBlank(String value) {
        return value == null || clean(value).isEmpty();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }
}
