package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket session: every update of its client account and engagement, pings as keep-alive. */
final class WebSocketSubscriber extends Subscriber {

    private static final byte[] PING = "keep-alive".getBytes(StandardCharsets.US_ASCII);

    private final WebSocketSession session;

    WebSocketSubscriber(WebSocketSession session, Grant grant, LiveFlowUpdates hub) {
        super(grant, hub, false);
        this.session = session;
    }

    @Override
    Transport transport() {
        return Transport.WEBSOCKET;
    }

    @Override
    boolean wants(FlowUpdate update) {
        return grant().covers(update.clientAccountId(), update.engagementId());
    }

    @Override
    protected void transmit(Outbound message) throws IOException {
        if (message.heartbeat()) {
            session.sendMessage(new PingMessage(ByteBuffer.wrap(PING)));
        } else {
            session.sendMessage(new TextMessage(message.text()));
        }
    }

    @Override
    protected void closeTransport(Ending why) throws IOException {
        if (session.isOpen()) {
            session.close(switch (why) {
                case ACCESS_REVOKED -> CloseStatus.POLICY_VIOLATION.withReason("Token expired or access revoked");
                case TOO_SLOW, SEND_TIMEOUT -> CloseStatus.SERVICE_OVERLOAD.withReason("Too slow to keep up with the updates");
                case SHUTDOWN -> CloseStatus.GOING_AWAY.withReason("Server shutting down");
                case SEND_FAILED, CLIENT_GONE -> CloseStatus.SERVER_ERROR;
            });
        }
    }
}
