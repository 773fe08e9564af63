package io.migrationplatform.flows;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The states of a flow and the actions a client may take in each. {@code running} and
 * {@code pending} are driven by the engine; pause, resume, cancel, retry and delete by clients.
 */
public enum FlowStatus {
    PENDING, RUNNING, PAUSED, WAITING_FOR_INPUT, COMPLETED, FAILED, CANCELLED;

    private static final Map<FlowStatus, List<String>> ACTIONS = Map.of(
            PENDING, List.of("pause", "cancel"),
            RUNNING, List.of("pause", "cancel"),
            PAUSED, List.of("resume", "cancel"),
            WAITING_FOR_INPUT, List.of("resume", "cancel"),
            FAILED, List.of("retry", "delete"),
            COMPLETED, List.of("delete"),
            CANCELLED, List.of("delete"));

    /** The client actions allowed in this status. */
    public List<String> allowedActions() {
        return ACTIONS.get(this);
    }

    public boolean allows(String action) {
        return allowedActions().contains(action);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Work is (or is about to be) under way: a worker owns the flow. */
    public boolean isActive() {
        return this == PENDING || this == RUNNING;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FlowStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
