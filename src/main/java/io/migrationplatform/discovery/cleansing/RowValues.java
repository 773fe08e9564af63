package io.migrationplatform.discovery.cleansing;

import io.migrationplatform.assets.AssetField;
import io.migrationplatform.assets.AssetValidator;
import io.migrationplatform.discovery.cleansing.RowConverter.Cell;
import io.migrationplatform.discovery.cleansing.RowConverter.Issue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** How each canonical field takes its raw texts (the rules of {@link Cleansing} applied per field). */
final class RowValues {

    /** The identity of a row: too long a value there rejects the row (the asset rules say why), it is not moved. */
    private static final Set<AssetField> IDENTITY = Set.of(AssetField.NAME, AssetField.HOSTNAME, AssetField.FQDN,
            AssetField.EXTERNAL_ID);

    // Compiled once: they run for every row of an import.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern DATABASE_NAME = Pattern.compile(".*\\b(db|sql|oracle|database|postgres|mysql|mongo)\\w*.*");
    private static final Pattern LOAD_BALANCER_NAME = Pattern.compile(".*\\b(lb|loadbalancer|load-balancer|f5|haproxy)\\b.*");
    private static final Pattern NETWORK_NAME = Pattern.compile(".*\\b(fw|firewall|switch|router|sw)\\d*\\b.*");

    private RowValues() {
    }

    static void apply(String target, List<Cell> cells, Map<String, Object> body, Map<String, Object> attributes,
                      List<Issue> issues) {
        Cell first = cells.get(0);
        AssetField field = AssetField.byName(target).orElse(null);
        if (field == null) {
            attributes.put(first.column(), first.value());
            return;
        }
        switch (field) {
            case ENVIRONMENT -> vocabulary(first, Cleansing.environment(first.value()), "environment", body, attributes, issues);
            case STATUS -> vocabulary(first, Cleansing.status(first.value()), "status", body, attributes, issues);
            case CRITICALITY -> vocabulary(first, Cleansing.criticality(first.value()), "criticality", body, attributes, issues);
            case ASSET_TYPE -> vocabulary(first, Cleansing.assetType(first.value()), "asset_type", body, attributes, issues);
            case SIX_R_STRATEGY -> {
                String value = first.value().strip().toLowerCase(Locale.ROOT);
                vocabulary(first, field.choices().contains(value) ? value : null, "six_r_strategy", body, attributes, issues);
            }
            case IP_ADDRESSES -> ips(cells, body, attributes, issues);
            case TAGS, TECHNOLOGY_STACK -> list(body, target).addAll(splitAll(cells)); // the OS column may have added some
            case CPU_CORES, MIGRATION_WAVE -> integer(first, field, body, attributes, issues);
            case MEMORY_GB -> size(List.of(first), field, body, attributes, issues);
            case STORAGE_GB -> size(cells, field, body, attributes, issues);
            case CPU_UTILIZATION_PCT, MEMORY_UTILIZATION_PCT -> percentage(first, target, body, attributes, issues);
            case OPERATING_SYSTEM -> operatingSystem(first, body, attributes);
            case HOSTNAME -> hostname(first.value(), body);
            case ATTRIBUTES -> attributes.put(first.column(), first.value());
            default -> body.put(target, first.value());
        }
    }

    private static void vocabulary(Cell cell, String canonical, String target, Map<String, Object> body,
                                   Map<String, Object> attributes, List<Issue> issues) {
        if (canonical == null) {
            attributes.put("source_" + target, cell.value());
            if (!target.equals("asset_type") && !target.equals("environment")) {
                // (a missing type or environment is reported once, with the value chosen instead, by completeRequired)
                issues.add(new Issue(cell.column(), cell.value(), "Unrecognised " + target + "; kept in attributes.source_" + target,
                        false));
            }
            return;
        }
        body.put(target, canonical);
        if (!canonical.equalsIgnoreCase(cell.value().strip())) {
            attributes.put("source_" + target, cell.value()); // the raw value is kept beside the normalised one
        }
    }

    private static void ips(List<Cell> cells, Map<String, Object> body, Map<String, Object> attributes, List<Issue> issues) {
        Set<String> valid = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String value : splitAll(cells)) {
            for (String ip : WHITESPACE.split(value)) { // an address has no spaces: "10.0.0.1 10.0.0.2" is two
                try {
                    valid.add(AssetValidator.ipAddress(ip));
                } catch (AssetValidator.InvalidValue e) {
                    invalid.add(ip);
                }
            }
        }
        if (!invalid.isEmpty()) {
            attributes.put("invalid_ip_addresses", String.join(", ", invalid));
            issues.add(new Issue(cells.get(0).column(), String.join(", ", invalid), "Not a valid IP address; kept in attributes",
                    false));
        }
        List<String> all = new ArrayList<>(valid);
        int max = (int) AssetField.IP_ADDRESSES.limitB();
        if (all.size() > max) {
            String over = String.join(", ", all.subList(max, all.size()));
            attributes.put("more_ip_addresses", over);
            issues.add(new Issue(cells.get(0).column(), over, "More than " + max + " IP addresses; the rest kept in "
                    + "attributes.more_ip_addresses", false));
            all = all.subList(0, max);
        }
        if (!all.isEmpty()) {
            body.put("ip_addresses", List.copyOf(all));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> body, String target) {
        return (List<String>) body.computeIfAbsent(target, k -> new ArrayList<String>());
    }

    private static Set<String> splitAll(List<Cell> cells) {
        Set<String> values = new LinkedHashSet<>();
        cells.forEach(c -> values.addAll(Cleansing.split(c.value())));
        return values;
    }

    /** A number outside the field's range would reject the whole row: it is kept in attributes instead. */
    private static void integer(Cell cell, AssetField field, Map<String, Object> body, Map<String, Object> attributes,
                                List<Issue> issues) {
        String target = field.jsonName();
        Double value = Cleansing.number(cell.value());
        if (value == null || value < 0) {
            unusable(cell, target, attributes, issues, "Not a number");
            return;
        }
        long rounded = Math.round(value);
        if (rounded < field.limitA() || rounded > field.limitB()) {
            unusable(cell, target, attributes, issues, "Not between " + field.limitA() + " and " + field.limitB());
            return;
        }
        body.put(target, (int) rounded);
    }

    private static void size(List<Cell> cells, AssetField field, Map<String, Object> body, Map<String, Object> attributes,
                             List<Issue> issues) {
        String target = field.jsonName();
        double total = 0;
        boolean any = false;
        for (Cell cell : cells) {
            Double gb = Cleansing.sizeGb(cell.value(), cell.unit());
            if (gb == null || gb < 0) {
                unusable(cell, target, attributes, issues, "Not a size");
                continue;
            }
            total += gb;
            any = true;
        }
        double rounded = Math.round(total * 100) / 100.0;
        if (any && rounded > field.limitB()) {
            Cell cell = cells.get(0);
            unusable(new Cell(cell.column(), String.join(" + ", cells.stream().map(Cell::value).toList()), cell.unit()), target,
                    attributes, issues, "More than " + field.limitB() + " GB");
        } else if (any) {
            body.put(target, rounded);
        }
    }

    private static void percentage(Cell cell, String target, Map<String, Object> body, Map<String, Object> attributes,
                                   List<Issue> issues) {
        Double value = Cleansing.number(cell.value());
        if (value == null || value < 0 || value > 100) {
            unusable(cell, target, attributes, issues, "Not a percentage between 0 and 100");
            return;
        }
        body.put(target, value);
    }

    private static void unusable(Cell cell, String target, Map<String, Object> attributes, List<Issue> issues, String why) {
        attributes.put("source_" + target, cell.value());
        issues.add(new Issue(cell.column(), cell.value(), why + "; kept in attributes.source_" + target, false));
    }

    /** An OS column may hold the OS ("RHEL 7.9") or, in many CMDBs, a technology ("IBM DB2", "Java 8 Spring"). */
    private static void operatingSystem(Cell cell, Map<String, Object> body, Map<String, Object> attributes) {
        OperatingSystems.OsInfo os = OperatingSystems.parse(cell.value());
        if (os == null && OperatingSystems.isTechnology(cell.value())) {
            list(body, "technology_stack").add(cell.value());
            String engine = OperatingSystems.databaseEngine(cell.value());
            if (engine != null) {
                body.putIfAbsent("database_type", engine);
            }
            attributes.put("source_operating_system", cell.value());
            return;
        }
        body.put("operating_system", cell.value());
        if (os != null) {
            attributes.put("os_family", os.family());
            if (os.version() != null) {
                body.putIfAbsent("os_version", os.version());
            }
        }
    }

    /** "web01.corp.example.com" is an FQDN: the host name is its first label. */
    private static void hostname(String value, Map<String, Object> body) {
        String host = value.strip();
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1); // the DNS root: "web01.corp.example.com."
        }
        if (host.contains(".") && !DIGITS_AND_DOTS.matcher(host).matches()) {
            body.putIfAbsent("fqdn", host.toLowerCase(Locale.ROOT));
            host = host.substring(0, host.indexOf('.'));
        }
        body.put("hostname", host);
    }

    /** A row without a name takes its host name, FQDN or external id, and says so. */
    static void completeIdentity(Map<String, Object> body, List<Issue> issues) {
        if (body.get("name") == null) {
            String from = body.get("hostname") != null ? "hostname" : body.get("fqdn") != null ? "fqdn" : "external_id";
            Object fallback = body.get(from);
            if (fallback != null) {
                body.put("name", fallback);
                issues.add(new Issue("name", null, "No name: the asset is named after its " + from.replace('_', ' ') + " '"
                        + fallback + "'", false));
            }
        }
        Object fqdn = body.get("fqdn");
        if (fqdn instanceof String f && body.get("hostname") == null) {
            body.put("hostname", f.contains(".") ? f.substring(0, f.indexOf('.')) : f);
        }
    }

    /**
     * Documented defaults for the two fields every asset needs: a missing or unrecognised
     * environment is planned as prod (the careful choice); a missing type is inferred from the
     * name and OS, else "other". Both are reported as warnings.
     */
    static void completeRequired(Map<String, Object> body, Map<String, Object> attributes, List<Issue> issues) {
        if (body.get("environment") == null) {
            body.put("environment", "prod");
            issues.add(new Issue("environment", (String) attributes.get("source_environment"),
                    "No recognised environment: planned as prod (the value, if any, is kept in attributes.source_environment)",
                    false));
        }
        if (body.get("asset_type") == null) {
            String inferred = inferType(String.valueOf(body.getOrDefault("name", "")), body.get("operating_system") != null
                    || body.get("cpu_cores") != null);
            body.put("asset_type", inferred);
            issues.add(new Issue("asset_type", (String) attributes.get("source_asset_type"),
                    "No recognised asset type: inferred as " + inferred, false));
        }
    }

    /**
     * A descriptive value beyond the asset rules' limits (a 300-character OS text, 60 tags, a 120-character
     * technology) would reject the whole row; it is kept in attributes.source_&lt;field&gt; with a warning instead.
     */
    static void fitLimits(Map<String, Object> body, Map<String, Object> attributes, List<Issue> issues) {
        for (AssetField field : AssetField.values()) {
            Object value = body.get(field.jsonName());
            if (value == null || IDENTITY.contains(field)) {
                continue;
            }
            if (field.kind() == AssetField.Kind.TEXT && value instanceof String text && text.strip().length() > field.limitA()) {
                String key = "source_" + field.jsonName();
                body.remove(field.jsonName());
                attributes.put(key, text);
                issues.add(new Issue(field.jsonName(), text, "Longer than " + field.limitA() + " characters; kept in attributes."
                        + key, false));
            } else if (field.kind() == AssetField.Kind.TEXT_LIST && value instanceof List<?> items) {
                List<String> kept = new ArrayList<>();
                List<String> moved = new ArrayList<>();
                for (Object item : items) {
                    String text = String.valueOf(item).strip();
                    if (!text.isEmpty() && !kept.contains(text)) {
                        (text.length() <= field.limitA() && kept.size() < field.limitB() ? kept : moved).add(text);
                    }
                }
                body.put(field.jsonName(), kept);
                if (!moved.isEmpty()) {
                    String key = "source_" + field.jsonName();
                    attributes.put(key, String.join(", ", moved));
                    issues.add(new Issue(field.jsonName(), String.join(", ", moved), "More than " + field.limitB()
                            + " items or items longer than " + field.limitA() + " characters; kept in attributes." + key, false));
                }
            }
        }
    }

    static String inferType(String name, boolean looksLikeAHost) {
        String n = name.toLowerCase(Locale.ROOT);
        if (DATABASE_NAME.matcher(n).matches() || n.contains("-db") || n.startsWith("db")) {
            return "database";
        }
        if (LOAD_BALANCER_NAME.matcher(n).matches()) {
            return "load_balancer";
        }
        if (NETWORK_NAME.matcher(n).matches()) {
            return "network";
        }
        return looksLikeAHost ? "server" : "other";
    }
}
