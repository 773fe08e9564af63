package io.migrationplatform.discovery.cleansing;

import java.util.ArrayList;
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

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9.,' ]*");
    private static final Pattern SPLIT = Pattern.compile("\\s*[,;|\\n]\\s*");

    private Cleansing() {
    }

    public static boolean isMissing(String value) {
        return value == null || MISSING.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The canonical value for a vocabulary, or null when the text is not recognised. */
    public static String environment(String raw) {
        return lookup(ENVIRONMENTS, raw);
    }

    public static String assetType(String raw) {
        String key = raw == null ? null : raw.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return key == null ? null : TYPES.getOrDefault(key, TYPES.get(key.replace(' ', '_')));
    }

    public static String status(String raw) {
        return lookup(STATUSES, raw);
    }

    public static String criticality(String raw) {
        return lookup(CRITICALITIES, raw);
    }

    private static String lookup(Map<String, String> table, String raw) {
        return raw == null ? null : table.get(raw.strip().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /**
     * A number from text such as "16", "16.5", "16,5" (decimal comma), "1,024" or "1.024,5"
     * (thousands separators), "32 GB", "4 vCPU". Null when there is no number.
     */
    public static Double number(String raw) {
        if (isMissing(raw)) {
            return null;
        }
        Matcher m = NUMBER.matcher(raw.strip());
        if (!m.find()) {
            return null;
        }
        String digits = m.group().replace(" ", "").replace("'", "");
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0) {
            // Both present: the last one is the decimal separator.
            digits = lastComma > lastDot ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
        } else if (lastComma >= 0) {
            // Only commas: "1,024" is a thousands separator, "16,5" a decimal comma.
            boolean thousands = digits.indexOf(',') != lastComma || digits.length() - lastComma - 1 == 3;
            digits = thousands ? digits.replace(",", "") : digits.replace(',', '.');
        } else if (lastDot >= 0 && digits.indexOf('.') != lastDot) {
            digits = digits.replace(".", ""); // "1.024.000"
        }
        try {
            double value = Double.parseDouble(digits);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A size in the canonical GB. Rule: binary units throughout, as inventory tools report them —
     * MB and MiB are divided by 1024, TB and TiB multiplied by 1024, GB and GiB taken as they are.
     * A unit written in the value ("512 MB") wins over the column's unit.
     */
    public static Double sizeGb(String raw, String columnUnit) {
        Double value = number(raw);
        if (value == null) {
            return null;
        }
        String unit = columnUnit;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\d\\s*(mb|mib|m)\\b.*")) {
            unit = "MB";
        } else if (lower.matches(".*\\d\\s*(tb|tib|t)\\b.*")) {
            unit = "TB";
        } else if (lower.matches(".*\\d\\s*(gb|gib|g)\\b.*")) {
            unit = "GB";
        }
        if (unit == null) {
            return value;
        }
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "MB", "MIB" -> value / 1024.0;
            case "TB", "TIB" -> value * 1024.0;
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
