package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Implemented by the flow engine: the current state of a flow of the scope (the same shape as a
 * {@link FlowUpdate}'s data), for the first event of a server-sent event stream and for its 404s.
 * Empty for an unknown flow and for a flow of another scope.
 */
public interface FlowSnapshots {

    Optional<Map<String, Object>> snapshot(TenantScope scope, UUID flowId);
}
