package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowSnapshots;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events of one flow: the alternative to the WebSocket for clients that only read. */
@RestController
@Tag(name = "Flows")
class FlowEventsController {

    private final LiveFlowUpdates hub;
    private final ObjectProvider<FlowSnapshots> snapshots;

    FlowEventsController(LiveFlowUpdates hub, ObjectProvider<FlowSnapshots> snapshots) {
        this.hub = hub;
        this.snapshots = snapshots;
    }

    @Operation(summary = "Follow a flow's progress (server-sent events)", description = """
            A text/event-stream: first the flow's current state, then every change, each as \
            `event: flow_update` with data `{"type": "flow_update", "flow_id", "data": {"status", "phase", \
            "progress", "flow_type", ...}, "timestamp"}`; comment lines as heartbeats. The stream ends after \
            migrate.live.sse-timeout (EventSource reconnects by itself), when the token's user loses access, \
            or when the client falls too far behind.""")
    @GetMapping(path = "/api/v1/flows/{flow_id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresPermission(Permission.READ_ASSETS)
    SseEmitter events(TenantScope scope, @PathVariable("flow_id") UUID flowId, HttpServletResponse response) {
        SseEmitter emitter = new SseEmitter(hub.properties().sseTimeout().toMillis());
        SseSubscriber subscriber = new SseSubscriber(flowId, emitter,
                new Grant(scope.userId(), scope.clientAccountId(), scope.engagementId(), currentToken()), hub);
        // Subscribed before the snapshot is read, so no change between the two is missed.
        if (!hub.register(subscriber)) {
            throw LiveConnectionLimit.reached(hub.properties());
        }
        Optional<Map<String, Object>> snapshot;
        try {
            snapshot = snapshot(scope, flowId);
        } catch (RuntimeException e) {
            subscriber.detach();
            throw e;
        }
        if (snapshot.isEmpty()) {
            subscriber.detach();
            throw new NotFoundException("Flow");
        }
        emitter.onCompletion(subscriber::detach);
        emitter.onTimeout(() -> {
            subscriber.detach();
            emitter.complete(); // a normal end of the stream, not an error
        });
        emitter.onError(e -> subscriber.detach());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // proxies such as nginx must not buffer the stream
        subscriber.release(Outbound.json(hub.messages().snapshot(flowId, snapshot.get())));
        return emitter;
    }

    /** The first source that knows the flow in this scope (the flow engine; none at all answers 404). */
    private Optional<Map<String, Object>> snapshot(TenantScope scope, UUID flowId) {
        return snapshots.orderedStream()
                .map(source -> source.snapshot(scope, flowId))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getCredentials() instanceof String token ? token : "";
    }
}
