package io.migrationplatform.discovery.cleansing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cleansing rules for values of inventory exports, one small function per kind of value.
 * Each is documented in the README's "Discovery" section; change both together.
 */
public final class Cleansing {

    // Compiled once (String.replaceAll compiles on every call) and first: the vocabularies below use them.
    private static final Pattern KEY_SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern DIGIT_GROUPING = Pattern.compile("[ '\\u00A0\\u202F]");

    /** Placeholder texts that mean "no value" in real exports. */
    private static final Set<String> MISSING = Set.of("", "n/a", "na", "-", "--", "null", "none", "nil", "unknown", "tbd", "?",
            "#n/a", "not applicable");

    private static final Map<String, String> ENVIRONMENTS = Map.ofEntries(
            Map.entry("production", "prod"), Map.entry("prod", "prod"), Map.entry("prd", "prod"), Map.entry("live", "prod"),
            Map.entry("p", "prod"),
            Map.entry("development", "dev"), Map.entry("dev", "dev"), Map.entry("devel", "dev"), Map.entry("sandbox", "dev"),
            Map.entry("qa", "test"), Map.entry("uat", "test"), Map.entry("test", "test"), Map.entry("testing", "test"),
            Map.entry("tst", "test"), Map.entry("sit", "test"), Map.entry("acceptance", "test"),
            Map.entry("staging", "staging"), Map.entry("stage", "staging"), Map.entry("stg", "staging"),
            Map.entry("pre-prod", "staging"), Map.entry("preprod", "staging"), Map.entry("pre-production", "staging"),
            Map.entry("preproduction", "staging"),
            // Documented rule: disaster recovery runs production workloads, so it is planned as prod.
            Map.entry("dr", "prod"), Map.entry("disaster recovery", "prod"));

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("server", "server"), Map.entry("physical", "server"), Map.entry("physical server", "server"),
            Map.entry("bare metal", "server"), Map.entry("host", "server"), Map.entry("linux server", "server"),
            Map.entry("windows server", "server"), Map.entry("computer", "server"), Map.entry("mainframe", "server"),
            Map.entry("vm", "virtual_machine"), Map.entry("virtual machine", "virtual_machine"), Map.entry("virtual", "virtual_machine"),
            Map.entry("virtual_machine", "virtual_machine"), Map.entry("vmware vm", "virtual_machine"),
            Map.entry("database", "database"), Map.entry("db", "database"), Map.entry("dbms", "database"),
            Map.entry("database server", "database"), Map.entry("database instance", "database"), Map.entry("cache", "database"),
            Map.entry("application", "application"), Map.entry("app", "application"), Map.entry("software", "application"),
            Map.entry("business application", "application"),
            Map.entry("service", "service"), Map.entry("web service", "service"), Map.entry("api", "service"),
            Map.entry("microservice", "service"), Map.entry("external", "service"), Map.entry("saas", "service"),
            Map.entry("network", "network"), Map.entry("switch", "network"), Map.entry("router", "network"),
            Map.entry("firewall", "network"), Map.entry("network device", "network"),
            Map.entry("load balancer", "load_balancer"), Map.entry("load_balancer", "load_balancer"), Map.entry("lb", "load_balancer"),
            Map.entry("storage", "storage"), Map.entry("san", "storage"), Map.entry("nas", "storage"), Map.entry("storage array", "storage"),
            Map.entry("container", "container"), Map.entry("pod", "container"), Map.entry("kubernetes", "container"),
            Map.entry("middleware", "service"), Map.entry("message queue", "service"), Map.entry("queue", "service"),
            Map.entry("web server", "server"), Map.entry("app server", "server"), Map.entry("application server", "server"),
            Map.entry("other", "other"));

    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("active", "active"), Map.entry("up", "active"), Map.entry("running", "active"), Map.entry("poweredon", "active"),
            Map.entry("powered on", "active"), Map.entry("on", "active"), Map.entry("in use", "active"),
            Map.entry("operational", "active"), Map.entry("online", "active"), Map.entry("installed", "active"),
            Map.entry("inactive", "inactive"), Map.entry("down", "inactive"), Map.entry("stopped", "inactive"),
            Map.entry("poweredoff", "inactive"), Map.entry("powered off", "inactive"), Map.entry("off", "inactive"),
            Map.entry("offline", "inactive"), Map.entry("suspended", "inactive"), Map.entry("standby", "inactive"),
            Map.entry("decommissioned", "decommissioned"), Map.entry("retired", "decommissioned"), Map.entry("disposed", "decommissioned"),
            Map.entry("migrating", "migrating"), Map.entry("in migration", "migrating"));

    private static final Map<String, String> CRITICALITIES = Map.ofEntries(
            Map.entry("critical", "critical"), Map.entry("mission critical", "critical"), Map.entry("tier 1", "critical"),
            Map.entry("tier1", "critical"), Map.entry("p1", "critical"), Map.entry("1", "critical"),
            Map.entry("high", "high"), Map.entry("tier 2", "high"), Map.entry("p2", "high"), Map.entry("2", "high"),
            Map.entry("medium", "medium"), Map.entry("moderate", "medium"), Map.entry("normal", "medium"),
            Map.entry("tier 3", "medium"), Map.entry("p3", "medium"), Map.entry("3", "medium"),
            Map.entry("low", "low"), Map.entry("tier 4", "low"), Map.entry("p4", "low"), Map.entry("4", "low"));

    /**
     * A number as written: sign, digits with decimal/thousands separators (a space or apostrophe only before a group
     * of three digits), an optional exponent ("1e3", "1.5E+09" as spreadsheets write large numbers). Never the digits
     * inside a word ("x86_64", "DDR4", "v2") or a longer number.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.,])[-+]?(?:\\d+(?:[.,]\\d+|[ '\\u00A0\\u202F]\\d{3}(?!\\d))*|[.,]\\d+)(?:[eE][-+]?\\d{1,3}(?![\\p{L}\\p{N}]))?");
    /** A unit written right after a size: "512 MB", "1.5GiB", "2 TB", "100 M". */
    private static final Pattern SIZE_UNIT = Pattern.compile("^\\s*(kib|kb|k|mib|mb|m|gib|gb|g|tib|tb|t|pib|pb|bytes|byte|b)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> ENVIRONMENTS_BY_KEY = byKey(ENVIRONMENTS);
    private static final Map<String, String> TYPES_BY_KEY = byKey(TYPES);
    private static final Map<String, String> STATUSES_BY_KEY = byKey(STATUSES);
    private static final Map<String, String> CRITICALITIES_BY_KEY = byKey(CRITICALITIES);
    private static final Pattern SPLIT = Pattern.compile("\\s*[,;|\\n]\\s*");

    private Cleansing() {
    }

    public static boolean isMissing(String value) {
        return value == null || MISSING.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The canonical value for a vocabulary, or null when the text is not recognised. */
    public static String environment(String raw) {
        return lookup(ENVIRONMENTS_BY_KEY, raw);
    }

    public static String assetType(String raw) {
        return lookup(TYPES_BY_KEY, raw);
    }

    public static String status(String raw) {
        return lookup(STATUSES_BY_KEY, raw);
    }

    public static String criticality(String raw) {
        return lookup(CRITICALITIES_BY_KEY, raw);
    }

    /** Spaces, hyphens and underscores do not tell values apart: "Pre Prod", "pre_prod", "PreProd", "Powered-On". */
    private static String lookup(Map<String, String> byKey, String raw) {
        return raw == null ? null : byKey.get(key(raw));
    }

    private static String key(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' || c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return KEY_SEPARATORS.matcher(lower).replaceAll(""); // most values have none: no matcher for them
            }
        }
        return lower;
    }

    private static Map<String, String> byKey(Map<String, String> table) {
        Map<String, String> byKey = new HashMap<>();
        table.forEach((text, canonical) -> {
            String previous = byKey.putIfAbsent(key(text), canonical);
            if (previous != null && !previous.equals(canonical)) {
                throw new IllegalStateException("'" + text + "' means both " + previous + " and " + canonical);
            }
        });
        return Map.copyOf(byKey);
    }

    /**
     * A number from text such as "16", "16.5", "16,5" (decimal comma), "1,024" or "1.024,5"
     * (thousands separators), "1 024", "32 GB", "4 vCPU", "1e3". Null when there is no number, and when the
     * separators make no number ("10.0.0.1", "1,000,5"): a wrong number is worse than none. A lone dot is a
     * decimal point ("1.024" is 1.024); a lone comma followed by exactly three digits is a thousands separator.
     */
    public static Double number(String raw) {
        Matcher m = find(raw);
        return m == null ? null : value(m.group());
    }

    private static Matcher find(String raw) {
        if (isMissing(raw)) {
            return null;
        }
        Matcher m = NUMBER.matcher(raw);
        return m.find() ? m : null;
    }

    private static Double value(String text) {
        String digits = DIGIT_GROUPING.matcher(text).replaceAll("");
        String exponent = "";
        int e = Math.max(digits.indexOf('e'), digits.indexOf('E'));
        if (e >= 0) {
            exponent = digits.substring(e);
            digits = digits.substring(0, e);
        }
        String sign = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(0, 1) : "";
        digits = digits.substring(sign.length());
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        String plain;
        if (lastDot >= 0 && lastComma >= 0) {
            // Both present: the last one is the decimal separator (once), the other groups thousands.
            char decimal = lastComma > lastDot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            int at = Math.max(lastDot, lastComma);
            String whole = digits.substring(0, at);
            if (whole.indexOf(decimal) >= 0 || !groupsOfThousands(whole, grouping)) {
                return null;
            }
            plain = whole.replace(String.valueOf(grouping), "") + "." + digits.substring(at + 1);
        } else if (lastDot >= 0 || lastComma >= 0) {
            char separator = lastDot >= 0 ? '.' : ',';
            int at = Math.max(lastDot, lastComma);
            boolean several = digits.indexOf(separator) != at;
            // "1,024" groups thousands, "16,5" and "0,500" have a decimal comma; a lone dot is always a decimal point.
            boolean thousands = several || separator == ',' && digits.length() - at - 1 == 3 && groupsOfThousands(digits, ',');
            if (thousands) {
                if (!groupsOfThousands(digits, separator)) {
                    return null; // "10.0.0.1", "1,000,5"
                }
                plain = digits.replace(String.valueOf(separator), "");
            } else {
                plain = digits.replace(separator, '.');
            }
        } else {
            plain = digits;
        }
        try {
            double value = Double.parseDouble(sign + plain + exponent);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** "1.024.000": a first group of 1 to 3 digits (not a lone leading zero) and then groups of exactly 3. */
    private static boolean groupsOfThousands(String digits, char separator) {
        int end = digits.indexOf(separator);
        int first = end < 0 ? digits.length() : end;
        if (first == 0 || first > 3 || digits.charAt(0) == '0') {
            return false;
        }
        while (end >= 0) {
            int next = digits.indexOf(separator, end + 1);
            if ((next < 0 ? digits.length() : next) - end - 1 != 3) {
                return false;
            }
            end = next;
        }
        return true;
    }

    /**
     * A size in the canonical GB. Rule: binary units throughout, as inventory tools report them —
     * MB and MiB are divided by 1024, TB and TiB multiplied by 1024, GB and GiB taken as they are
     * (and KB, PB, bytes likewise by powers of 1024). A unit written right after the value ("512 MB")
     * wins over the column's unit.
     */
    public static Double sizeGb(String raw, String columnUnit) {
        Matcher m = find(raw);
        Double value = m == null ? null : value(m.group());
        if (value == null) {
            return null;
        }
        Matcher written = SIZE_UNIT.matcher(raw.substring(m.end()));
        String unit = written.find() ? written.group(1) : columnUnit;
        if (unit == null) {
            return value;
        }
        return switch (unit.strip().toUpperCase(Locale.ROOT)) {
            case "B", "BYTE", "BYTES" -> value / (1024.0 * 1024 * 1024);
            case "K", "KB", "KIB" -> value / (1024.0 * 1024);
            case "M", "MB", "MIB" -> value / 1024.0;
            case "T", "TB", "TIB" -> value * 1024.0;
            case "PB", "PIB" -> value * 1024.0 * 1024;
            default -> value;
        };
    }

    /** Multi-value cells: "a, b; c | d" → [a, b, c, d], blanks and placeholders dropped, order kept. */
    public static List<String> split(String raw) {
        if (isMissing(raw)) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : SPLIT.split(raw.strip())) {
            String value = part.strip();
            if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
                value = value.substring(1, value.length() - 1).strip();
            }
            if (!isMissing(value)) {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }
}
