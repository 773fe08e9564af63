package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.UUID;

/** What a {@link FlowHandler} knows of the flow it runs, and how it reports. */
public interface FlowContext {

    UUID flowId();

    TenantScope scope();

    Map<String, Object> configuration();

    /** 1 on the first execution; higher after a crash, a resume or a retry. */
    int attempt();

    /** Completes the current phase (if any) and starts {@code name}, the next of the handler's phases. */
    void phase(String name);

    /** Whether {@code name} completed in an earlier execution (its results are committed). */
    boolean isPhaseCompleted(String name);

    /** Counts reported for the current phase (shown with the phase and in updates). */
    void counts(Map<String, Object> counts);

    /** Progress of the current phase, 0–100; cheap to call often (stored and published at most a few times a second). */
    void progress(int percent);

    /**
     * A batch boundary: throws {@link FlowStoppedException} if the flow was paused or cancelled,
     * so the handler stops with everything committed so far consistent.
     */
    void checkpoint();
}
