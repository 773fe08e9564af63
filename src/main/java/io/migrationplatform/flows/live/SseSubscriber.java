package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.io.IOException;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A server-sent event stream of one flow: {@code event: flow_update} for each change, comments as keep-alive. */
final class SseSubscriber extends Subscriber {

    static final String EVENT = "flow_update";

    private final UUID flowId;
    private final SseEmitter emitter;

    /** Starts held: nothing is sent before the flow's snapshot is put in front ({@link #release}). */
    SseSubscriber(UUID flowId, SseEmitter emitter, Grant grant, LiveFlowUpdates hub) {
        super(grant, hub, true);
        this.flowId = flowId;
        this.emitter = emitter;
    }

    @Override
    Transport transport() {
        return Transport.SSE;
    }

    @Override
    boolean wants(FlowUpdate update) {
        return flowId.equals(update.flowId()) && grant().covers(update.clientAccountId(), update.engagementId());
    }

    @Override
    protected void transmit(Outbound message) throws IOException {
        if (message.heartbeat()) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        } else {
            emitter.send(SseEmitter.event().name(EVENT).data(message.text()));
        }
    }

    @Override
    protected void closeTransport(Ending why) {
        if (why != Ending.SEND_FAILED) { // after a failed write the container ends the request itself
            emitter.complete();
        }
    }
}
