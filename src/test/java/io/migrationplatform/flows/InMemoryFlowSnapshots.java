package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Test-only stand-in for the flow engine's snapshots: the last state stored per scope and flow. */
@Component
class InMemoryFlowSnapshots implements FlowSnapshots {

    private record Key(UUID clientAccountId, UUID engagementId, UUID flowId) {
    }

    private final Map<Key, Map<String, Object>> flows = new ConcurrentHashMap<>();

    void put(TenantScope scope, UUID flowId, Map<String, Object> state) {
        flows.put(new Key(scope.clientAccountId(), scope.engagementId(), flowId), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(state)));
    }

    @Override
    public Optional<Map<String, Object>> snapshot(TenantScope scope, UUID flowId) {
        return Optional.ofNullable(flows.get(new Key(scope.clientAccountId(), scope.engagementId(), flowId)));
    }
}
