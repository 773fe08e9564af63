package io.migrationplatform.flows;

import java.time.Instant;
import java.util.Map;

/**
 * One phase of a flow: {@code status} is pending, running, completed, failed, or cancelled;
 * {@code progress} 0–100; {@code counts} what the phase reported (rows read, assets created …).
 */
public record FlowPhase(String name, String status, int progress, Instant startedAt, Instant finishedAt, String error,
        Map<String, Object> counts) {

    public static FlowPhase pending(String name) {
        return new FlowPhase(name, "pending", 0, null, null, null, Map.of());
    }
}
