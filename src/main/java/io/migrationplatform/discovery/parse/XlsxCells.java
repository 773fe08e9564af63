package io.migrationplatform.discovery.parse;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Turns the raw content of an xlsx cell ({@code <c t=".." s=".."><v>..</v></c>}) into text.
 *
 * <p>Numbers are written plainly ("4", "16.5", at most 15 significant digits like Excel) rather
 * than through their display format: grouping separators, currency signs or a "0.00" rounding
 * would only make the values harder to parse downstream, or lose digits. Dates (numbers with a
 * date format) become ISO text, which is what every later step expects.
 */
final class XlsxCells {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Integers below 2^53 are exact in a double, so they can be printed without a fraction. */
    private static final double EXACT_INTEGER_LIMIT = 9_007_199_254_740_992d;

    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    XlsxCells(SharedStrings strings, StylesTable styles, boolean date1904) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /**
     * @param type   the {@code t} attribute (null means number)
     * @param style  the {@code s} attribute, or null
     * @param raw    the {@code <v>} text, or null
     * @param inline the text of an inline string ({@code <is>}), or null
     */
    String text(String type, String style, String raw, String inline) {
        if ("inlineStr".equals(type)) {
            return inline != null ? inline : raw == null ? "" : raw;
        }
        if (raw == null) {
            return ""; // a formatted but empty cell
        }
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "b" -> "1".equals(raw.trim()) ? "TRUE" : "FALSE";
            case "n" -> number(raw.trim(), style);
            default -> raw; // "str" (formula text result), "e" (error such as #N/A), "d" (ISO date)
        };
    }

    private String number(String raw, String style) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        if (style != null && isDateStyle(Integer.parseInt(style)) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(value, date1904);
            if (value < 1) {
                return dateTime.format(TIME); // a time of day without a date
            }
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? dateTime.toLocalDate().toString()
                    : dateTime.format(DATE_TIME);
        }
        return plain(value);
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String shortest = Double.toString(value); // cheap path for the common "16.5"
        if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 15) {
            return shortest;
        }
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }

    /** Digits of a plain decimal string, leading zeros excluded. */
    private static int significantDigits(String decimal) {
        int digits = 0;
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c >= '1' && c <= '9' || c == '0' && digits > 0) {
                digits++;
            }
        }
        return digits;
    }

    private boolean isDateStyle(int styleIndex) {
        if (styles == null) {
            return false;
        }
        return dateStyles.computeIfAbsent(styleIndex, i -> {
            if (i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }
}
