package io.migrationplatform.analysis.engine;

import java.util.List;
import java.util.Set;

/**
 * One row of rules.csv: when {@link #when} holds, add {@link #weights} to the strategy scores,
 * {@link #complexity} to the complexity score, take {@link #readinessPenalty} off readiness and,
 * if {@link #finding} is set, report a risk or blocker with {@link #message}.
 *
 * @param weights          per strategy, in {@link Strategies#ORDER}
 * @param readinessUnknown the rule says readiness cannot be judged (too little data)
 * @param effortFactor     multiplies the effort estimate when the rule fires (1 = no change)
 * @param appliesTo        the strategies whose readiness this rule concerns (empty = all): its readiness
 *                         penalty counts, and a blocker blocks, only when one of them is recommended.
 *                         An end-of-life OS blocks a rehost, but not a retirement.
 */
record Rule(String id, Condition when, double complexity, double readinessPenalty, boolean readinessUnknown, double effortFactor,
        double[] weights, Finding finding, String severity, Set<String> appliesTo, List<String> appliesToInOrder, MessageTemplate message,
        MessageTemplate recommendation) {

    enum Finding { NONE, RISK, BLOCKER }

    boolean concerns(String strategy) {
        return appliesTo.isEmpty() || appliesTo.contains(strategy);
    }

    static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
}
