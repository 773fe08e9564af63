package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis.Evidence;
import io.migrationplatform.analysis.AssetAnalysis.LifecycleStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The facts derived from one asset, with the evidence behind each, as rules see them. */
final class FactSheet {

    private static final Fact[] FACTS = Fact.values();

    private final Object[] values = new Object[FACTS.length];
    private final Evidence[] evidence = new Evidence[FACTS.length];
    private final Map<String, Evidence> techEvidence;
    private final Map<String, LifecycleStatus> lifecycle;
    private final Map<String, Object> attributes;

    FactSheet(Map<String, Evidence> techEvidence, Map<String, LifecycleStatus> lifecycle, Map<String, Object> attributes) {
        this.techEvidence = techEvidence;
        this.lifecycle = lifecycle;
        this.attributes = attributes == null ? Map.of() : attributes;
        values[Fact.TECH.ordinal()] = techEvidence.keySet();
    }

    void put(Fact fact, Object value, Evidence why) {
        values[fact.ordinal()] = value;
        evidence[fact.ordinal()] = why;
    }

    Object get(Fact fact) {
        return values[fact.ordinal()];
    }

    @SuppressWarnings("unchecked")
    Set<String> tech() {
        return (Set<String>) values[Fact.TECH.ordinal()];
    }

    /** Evidence for a fact; for {@code tech}, the evidence of one category. */
    Evidence evidence(Fact fact, String category) {
        return fact == Fact.TECH ? techEvidence.get(category) : evidence[fact.ordinal()];
    }

    /**
     * A free-form attribute as rules compare it: numbers as Double, true/false as Boolean, text
     * lower-cased and trimmed; null when absent or blank. Nested objects and lists compare as text.
     */
    Object attribute(String key) {
        if (attributes.isEmpty()) {
            return null;
        }
        Object known = normalized.get(key);
        if (known == null) {
            known = normalize(attributes.get(key));
            normalized.put(key, known == null ? ABSENT : known);
        }
        return known == ABSENT ? null : known;
    }

    /** Rules ask for the same few attributes many times per asset: normalise each once. */
    private final Map<String, Object> normalized = new java.util.HashMap<>();
    private static final Object ABSENT = new Object();

    private static Object normalize(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return text.isEmpty() ? null : text;
    }

    Evidence attributeEvidence(String key) {
        Object value = attributes.get(key);
        return new Evidence("attributes." + key, value == null ? null : value.toString(), "attributes." + key);
    }

    /** Numbers as rules see them: a Double, or numeric text ("430"), else null. */
    static Double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static final java.util.Set<String> NO_VALUES = java.util.Set.of("no", "false", "none", "n/a", "0", "-", "");

    /** true, a non-zero number, or text other than no/false/none/n/a/0/-. */
    static boolean truthy(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        return value != null && !NO_VALUES.contains(value.toString().trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** Keys operating_system, database, runtime; null values for nothing identified. */
    Map<String, LifecycleStatus> lifecycle() {
        return lifecycle;
    }

    /**
     * Values for message templates: any fact by its rule name, {@code tech:<category>} for the text
     * that matched a category, and {@code os}, {@code database}, {@code runtime} (+ {@code _eol},
     * {@code _extended}) for lifecycle releases.
     */
    String placeholder(String name) {
        if (name.startsWith("attributes.")) {
            Object value = attributes.get(name.substring("attributes.".length()));
            return value == null ? "?" : value.toString();
        }
        if (name.startsWith("tech:")) {
            Evidence hit = techEvidence.get(name.substring(5));
            return hit == null ? "?" : hit.value();
        }
        int underscore = name.indexOf('_');
        String head = underscore < 0 ? name : name.substring(0, underscore);
        if (lifecycle.containsKey(key(head))) {
            LifecycleStatus status = lifecycle.get(key(head));
            if (status == null) {
                return "?";
            }
            return switch (underscore < 0 ? "" : name.substring(underscore + 1)) {
                case "" -> release(status);
                case "eol" -> String.valueOf(status.endOfLife());
                case "extended" -> String.valueOf(status.endOfExtendedSupport());
                default -> factValue(name);
            };
        }
        return factValue(name);
    }

    private String factValue(String name) {
        Fact fact = Fact.named(name);
        if (fact == null) {
            return "?";
        }
        Object value = get(fact);
        return value instanceof Double number ? format(number) : String.valueOf(value);
    }

    /** 12.0 → "12", 3.5 → "3.5": numbers in messages read like the inventory wrote them. */
    static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
    }

    private static String key(String head) {
        return switch (head) {
            case "os" -> "operating_system";
            default -> head;
        };
    }

    /** "Windows Server 2012 R2 (windows-server 2012-r2)": the inventory's words, then the data set's release. */
    static String release(LifecycleStatus status) {
        return status.matchedFrom() + " (" + status.product() + " " + status.releaseCycle() + ")";
    }

    static Map<String, LifecycleStatus> emptyLifecycle() {
        Map<String, LifecycleStatus> map = new LinkedHashMap<>();
        map.put("operating_system", null);
        map.put("database", null);
        map.put("runtime", null);
        return map;
    }
}
