package io.migrationplatform.analysis.engine;

import io.migrationplatform.analysis.AssetAnalysis.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code when} column of rules.csv, compiled once: {@code always}, or clauses joined by
 * {@code and}. A clause is one of
 * <pre>
 *   fact = value | fact != value | fact in a|b|c | fact not_in a|b|c      (text facts)
 *   fact contains a|b                                                     (text facts: any of the words occurs)
 *   fact &lt; n | fact &lt;= n | fact &gt; n | fact &gt;= n | fact = n                 (number facts)
 *   tech has category | tech has_any a|b|c | tech lacks category          (the tech set)
 *   fact | not fact                                                       (true/false facts)
 *   fact is known | fact is unknown                                       (any fact)
 *   attributes.key followed by any of the above but has/has_any/lacks    (a free-form attribute)
 * </pre>
 * {@code attributes.<key>} reads the asset's free-form attributes, so a table can use what an
 * inventory records ({@code attributes.last_login_days > 180}) without a code change.
 * A comparison with a value the asset does not have is false, except {@code !=}, {@code not_in}
 * and {@code lacks}, which hold: an asset whose criticality is unknown is not known to be critical.
 */
final class Condition {

    enum Op { EQ, NE, LT, LE, GT, GE, IN, NOT_IN, CONTAINS, HAS, HAS_ANY, LACKS, TRUE, FALSE, KNOWN, UNKNOWN }

    private static final String NAME = "([a-z_]+|attributes\\.[a-z0-9_]+)";
    private static final Pattern COMPARISON = Pattern.compile(NAME + "\\s*(<=|>=|!=|=|<|>)\\s*(.+)");
    private static final Pattern WORD_OP = Pattern.compile(NAME + "\\s+(in|not_in|contains|has|has_any|lacks)\\s+(.+)");
    private static final Pattern KNOWN = Pattern.compile(NAME + "\\s+is\\s+(known|unknown)");
    private static final Pattern NEGATION = Pattern.compile("not\\s+" + NAME);
    private static final Pattern BARE = Pattern.compile(NAME);

    /** One compiled clause: on a fact, or (when {@code attribute} is set) on a free-form attribute. */
    record Clause(Fact fact, String attribute, Op op, Set<String> values, double number) {

        boolean test(FactSheet facts) {
            Object value = attribute == null ? facts.get(fact) : facts.attribute(attribute);
            return switch (op) {
                case KNOWN -> value != null;
                case UNKNOWN -> value == null;
                case TRUE -> FactSheet.truthy(value);
                case FALSE -> !FactSheet.truthy(value);
                case EQ -> isNumeric() ? Objects.equals(FactSheet.number(value), number) : value != null && values.contains(text(value));
                case NE -> isNumeric() ? !Objects.equals(FactSheet.number(value), number) : value == null || !values.contains(text(value));
                case IN -> value != null && values.contains(text(value));
                case NOT_IN -> value == null || !values.contains(text(value));
                case CONTAINS -> value != null && containsAnyText(text(value), values);
                case LT -> compare(value) < 0;
                case LE -> compare(value) <= 0;
                case GT -> compare(value) > 0;
                case GE -> compare(value) >= 0;
                case HAS -> facts.tech().containsAll(values);
                case HAS_ANY -> containsAny(facts.tech(), values);
                case LACKS -> !containsAny(facts.tech(), values);
            };
        }

        /** Sign of value − number; NaN (so every comparison is false) when the value is not a number. */
        private double compare(Object value) {
            Double d = FactSheet.number(value);
            return d == null ? Double.NaN : Double.compare(d, number);
        }

        /** EQ/NE compare numbers when the clause was written with a number on a number fact or an attribute. */
        private boolean isNumeric() {
            return values.isEmpty();
        }

        /** What the asset had that made this clause hold. */
        void evidence(FactSheet facts, List<Evidence> into) {
            if (fact == Fact.TECH) {
                if (op == Op.LACKS) {
                    return;
                }
                for (String category : values) {
                    Evidence hit = facts.evidence(Fact.TECH, category);
                    if (hit != null && !into.contains(hit)) {
                        into.add(hit);
                    }
                }
                return;
            }
            Evidence hit = attribute == null ? facts.evidence(fact, null) : facts.attributeEvidence(attribute);
            if (hit != null && !into.contains(hit)) {
                into.add(hit);
            }
        }
    }

    private final String source;
    private final List<Clause> clauses;

    private Condition(String source, List<Clause> clauses) {
        this.source = source;
        this.clauses = List.copyOf(clauses);
    }

    boolean test(FactSheet facts) {
        for (Clause clause : clauses) {
            if (!clause.test(facts)) {
                return false;
            }
        }
        return true;
    }

    List<Evidence> evidence(FactSheet facts) {
        List<Evidence> evidence = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            clause.evidence(facts, evidence);
        }
        return evidence;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Compiles a {@code when} text; a typo names the problem instead of silently never firing. */
    static Condition parse(String text) {
        String source = text == null ? "" : text.trim();
        if (source.isEmpty()) {
            throw new IllegalArgumentException("empty condition (write 'always' for a rule that always applies)");
        }
        if (source.equals("always")) {
            return new Condition(source, List.of());
        }
        List<Clause> clauses = new ArrayList<>();
        for (String part : source.split("\\s+and\\s+")) {
            clauses.add(clause(part.trim()));
        }
        return new Condition(source, clauses);
    }

    private static Clause clause(String text) {
        Matcher m;
        if ((m = KNOWN.matcher(text)).matches()) {
            return on(m.group(1), text, null, m.group(2).equals("known") ? Op.KNOWN : Op.UNKNOWN, Set.of(), 0);
        }
        if ((m = NEGATION.matcher(text)).matches()) {
            return on(m.group(1), text, Fact.Type.BOOLEAN, Op.FALSE, Set.of(), 0);
        }
        if ((m = WORD_OP.matcher(text)).matches()) {
            Op op = Op.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            boolean onTech = op == Op.HAS || op == Op.HAS_ANY || op == Op.LACKS;
            if (onTech && isAttribute(m.group(1))) {
                throw new IllegalArgumentException("'" + text + "': " + m.group(2) + " applies to tech only");
            }
            return on(m.group(1), text, onTech ? Fact.Type.SET : Fact.Type.TEXT, op, values(m.group(3)), 0);
        }
        if ((m = COMPARISON.matcher(text)).matches()) {
            String name = m.group(1);
            String value = m.group(3).trim();
            Op op = switch (m.group(2)) {
                case "=" -> Op.EQ;
                case "!=" -> Op.NE;
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                default -> Op.GE;
            };
            boolean ordering = op != Op.EQ && op != Op.NE;
            if (isAttribute(name)) {
                boolean numeric = ordering || isNumber(value);
                return new Clause(null, attributeKey(name), op, numeric ? Set.of() : values(value), numeric ? number(value, text) : 0);
            }
            Fact fact = fact(name, text);
            if (fact.type() == Fact.Type.NUMBER) {
                return new Clause(fact, null, op, Set.of(), number(value, text));
            }
            if (fact.type() == Fact.Type.BOOLEAN && op == Op.EQ && (value.equals("true") || value.equals("false"))) {
                return new Clause(fact, null, value.equals("true") ? Op.TRUE : Op.FALSE, Set.of(), 0);
            }
            if (fact.type() != Fact.Type.TEXT || ordering) {
                throw new IllegalArgumentException("'" + text + "': " + fact.ruleName() + " is a " + typeName(fact) + " fact; "
                        + m.group(2) + " does not apply");
            }
            return new Clause(fact, null, op, values(value), 0);
        }
        if ((m = BARE.matcher(text)).matches()) {
            return on(m.group(1), text, Fact.Type.BOOLEAN, Op.TRUE, Set.of(), 0);
        }
        throw new IllegalArgumentException("cannot read clause '" + text + "'");
    }

    /** A clause on a fact of the required type (null: any), or on an attribute (any type). */
    private static Clause on(String name, String clause, Fact.Type required, Op op, Set<String> values, double number) {
        if (isAttribute(name)) {
            return new Clause(null, attributeKey(name), op, values, number);
        }
        Fact fact = required == null ? fact(name, clause) : fact(name, clause, required);
        return new Clause(fact, null, op, values, number);
    }

    private static boolean isAttribute(String name) {
        return name.startsWith("attributes.");
    }

    private static String attributeKey(String name) {
        return name.substring("attributes.".length());
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(Object value) {
        return value instanceof Double d ? FactSheet.format(d) : value.toString();
    }

    private static boolean containsAnyText(String text, Set<String> needles) {
        for (String needle : needles) {
            if (text.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static Fact fact(String name, String clause, Fact.Type required) {
        Fact fact = fact(name, clause);
        if (fact.type() != required) {
            throw new IllegalArgumentException("'" + clause + "': " + name + " is a " + typeName(fact) + " fact, not a "
                    + required.name().toLowerCase(Locale.ROOT) + " one");
        }
        return fact;
    }

    private static Fact fact(String name, String clause) {
        Fact fact = Fact.named(name);
        if (fact == null) {
            throw new IllegalArgumentException("'" + clause + "': unknown fact '" + name + "'; known facts: "
                    + Arrays.stream(Fact.values()).map(Fact::ruleName).collect(Collectors.joining(", ")));
        }
        return fact;
    }

    private static String typeName(Fact fact) {
        return fact.type().name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> values(String text) {
        return Arrays.stream(text.split("\\|")).map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static double number(String value, String clause) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + clause + "': '" + value + "' is not a number");
        }
    }

    private static boolean containsAny(Set<String> have, Set<String> wanted) {
        for (String value : wanted) {
            if (have.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
