package io.migrationplatform.analysis.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * rules.csv, compiled and checked when the application starts: an unknown fact, a bad number, a
 * misspelt strategy or a placeholder that names nothing stops the start with the line to fix,
 * instead of a rule that silently never fires.
 */
final class RuleSet {

    private static final Set<String> LIFECYCLE_PLACEHOLDERS = Set.of("os", "os_eol", "os_extended", "database", "database_eol",
            "database_extended", "runtime", "runtime_eol", "runtime_extended");

    private final List<Rule> rules;

    RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    static RuleSet load() {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleTables.Row row : RuleTables.read(RuleTables.RULES)) {
            try {
                Rule rule = parse(row);
                if (!ids.add(rule.id())) {
                    throw new IllegalArgumentException("duplicate rule id '" + rule.id() + "'");
                }
                rules.add(rule);
            } catch (RuntimeException e) {
                throw new IllegalStateException("analysis/rules.csv line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return new RuleSet(rules);
    }

    static Rule parse(RuleTables.Row row) {
        String id = row.get("id");
        if (!id.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("rule id '" + id + "' must be snake_case");
        }
        double[] weights = new double[Strategies.ORDER.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = number(row.get(Strategies.ORDER.get(i)));
        }
        String readiness = row.get("readiness");
        boolean readinessUnknown = readiness.equals("unknown");
        Rule.Finding finding = row.get("finding").isEmpty() ? Rule.Finding.NONE
                : Rule.Finding.valueOf(row.get("finding").toUpperCase(Locale.ROOT));
        String severity = row.get("severity");
        String message = row.get("message");
        if (finding != Rule.Finding.NONE) {
            if (!Rule.SEVERITIES.contains(severity)) {
                throw new IllegalArgumentException("a " + row.get("finding") + " needs a severity, one of " + Rule.SEVERITIES);
            }
            if (message.isEmpty()) {
                throw new IllegalArgumentException("a " + row.get("finding") + " needs a message");
            }
        }
        Set<String> appliesTo = Arrays.stream(row.get("applies_to").split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String strategy : appliesTo) {
            if (!Strategies.ORDER.contains(strategy)) {
                throw new IllegalArgumentException("applies_to names unknown strategy '" + strategy + "'");
            }
        }
        MessageTemplate messageTemplate = checked(MessageTemplate.of(message));
        MessageTemplate recommendation = checked(MessageTemplate.of(row.get("recommendation")));
        List<String> inOrder = Strategies.ORDER.stream().filter(appliesTo::contains).toList();
        double effortFactor = row.get("effort_factor").isEmpty() ? 1 : number(row.get("effort_factor"));
        if (effortFactor <= 0) {
            throw new IllegalArgumentException("effort_factor must be positive");
        }
        return new Rule(id, Condition.parse(row.get("when")), number(row.get("complexity")),
                readinessUnknown ? 0 : number(readiness), readinessUnknown, effortFactor, weights, finding, severity, appliesTo, inOrder,
                messageTemplate, recommendation);
    }

    private static MessageTemplate checked(MessageTemplate template) {
        for (String name : template.placeholders()) {
            if (!name.startsWith("tech:") && !name.startsWith("attributes.") && !LIFECYCLE_PLACEHOLDERS.contains(name) && Fact.named(name) == null) {
                throw new IllegalArgumentException("placeholder {" + name + "} names no fact");
            }
        }
        return template;
    }

    private static double number(String cell) {
        if (cell.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a number");
        }
    }

}
