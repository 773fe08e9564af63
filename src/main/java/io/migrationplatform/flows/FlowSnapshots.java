package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Implemented by the flow engine (not by you): the current state of a flow of the scope, for SSE's first event and for 404s. */
public interface FlowSnapshots {
    Optional<Map<String, Object>> snapshot(TenantScope scope, UUID flowId);
}
