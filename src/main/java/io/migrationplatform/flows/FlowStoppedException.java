package io.migrationplatform.flows;

/** Thrown by {@link FlowContext#checkpoint()} when a client paused or cancelled the flow; handlers let it pass. */
public class FlowStoppedException extends RuntimeException {

    private final FlowStatus status;

    public FlowStoppedException(FlowStatus status) {
        super("The flow was " + status.json(), null, false, false);
        this.status = status;
    }

    public FlowStatus status() {
        return status;
    }
}
