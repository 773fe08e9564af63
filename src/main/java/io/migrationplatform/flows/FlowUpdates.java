package io.migrationplatform.flows;

/**
 * Where the flow engine publishes; fans out to every subscriber of the flow's tenant scope on
 * every instance. Never blocks the caller for long, never throws to it.
 */
public interface FlowUpdates {

    void publish(FlowUpdate update);
}
