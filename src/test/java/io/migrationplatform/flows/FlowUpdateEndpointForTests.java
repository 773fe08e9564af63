package io.migrationplatform.flows;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only: acts as the flow engine of the caller's scope, so the live-update tests stay black-box.
 * Records the state as the flow's snapshot (unless {@code "snapshot": false}) and publishes it.
 */
@Hidden
@RestController
class FlowUpdateEndpointForTests {

    private final FlowUpdates updates;
    private final InMemoryFlowSnapshots snapshots;

    FlowUpdateEndpointForTests(FlowUpdates updates, InMemoryFlowSnapshots snapshots) {
        this.updates = updates;
        this.snapshots = snapshots;
    }

    record PublishRequest(UUID flowId, Map<String, Object> data, Boolean snapshot, Boolean publish) {
    }

    @PostMapping("/api/v1/test-support/flow-updates")
    @RequiresPermission(Permission.FLOW_EXECUTE)
    ResponseEntity<Map<String, Object>> publish(TenantScope scope, @RequestBody PublishRequest body) {
        UUID flowId = body.flowId() == null ? UUID.randomUUID() : body.flowId();
        Map<String, Object> data = body.data() == null ? Map.of() : body.data();
        if (!Boolean.FALSE.equals(body.snapshot())) {
            snapshots.put(scope, flowId, data);
        }
        if (!Boolean.FALSE.equals(body.publish())) {
            updates.publish(new FlowUpdate(flowId, scope.clientAccountId(), scope.engagementId(), data, Instant.now()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("flow_id", flowId.toString()));
    }
}
