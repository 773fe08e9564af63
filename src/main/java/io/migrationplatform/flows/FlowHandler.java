package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import java.util.List;
import java.util.Map;

/**
 * The work of one flow type (discovery, assessment, planning), implemented by its feature as a
 * Spring bean. The engine owns the flow's state; the handler only does the work and reports
 * through its {@link FlowContext}.
 *
 * <p><b>Handlers must be idempotent.</b> A flow runs again from the start after a resume, a retry
 * or a server crash; {@link FlowContext#isPhaseCompleted} lets a handler skip phases whose results
 * are already committed when it can.
 */
public interface FlowHandler {

    /** The flow type this handler runs, e.g. {@code "discovery"}. */
    String flowType();

    /** The ordered phases of a flow of this type. */
    List<String> phases();

    /**
     * Checks and completes a client's configuration before the flow is created (throw a
     * ValidationException or NotFoundException for bad input); returns what the flow will store.
     */
    default Map<String, Object> prepare(TenantScope scope, String name, Map<String, Object> configuration) {
        return configuration;
    }

    /** Called in the creating transaction once the flow exists, so the feature can remember which flow runs its work. */
    default void created(TenantScope scope, Flow flow) {
    }

    /**
     * Called in the transaction that gives the flow its final status (completed, failed or cancelled), whoever
     * caused it: the worker or a client. A feature records the outcome here so its own records never disagree
     * with the flow, even after the flow is deleted (a plan cancelled after its results were written stays
     * cancelled).
     */
    default void finished(TenantScope scope, Flow flow) {
    }

    /** Does the work, phase by phase ({@link FlowContext#phase}); returns the flow's result summary. */
    Map<String, Object> run(FlowContext context) throws Exception;
}
