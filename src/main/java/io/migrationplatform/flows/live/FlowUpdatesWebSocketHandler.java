package io.migrationplatform.flows.live;

import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@code /ws/flow-updates/{client_account_id}/{engagement_id}}: the handshake was authorised by
 * {@link HandshakeAuthentication}; from then on the session receives every {@code flow_update} of
 * its scope. A client's {@code {"type": "ping"}} gets a {@code pong}, anything else an
 * {@code error} message (the session stays open). Each client message re-checks the token and
 * access (as does every heartbeat): an expired token or a revoked user closes the session with 1008.
 */
final class FlowUpdatesWebSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(FlowUpdatesWebSocketHandler.class);
    private static final String SUBSCRIBER = Subscriber.class.getName();
    /** Tomcat's limit on one blocking send (its default is 20 s). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final LiveFlowUpdates hub;

    FlowUpdatesWebSocketHandler(LiveFlowUpdates hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (!(session.getAttributes().get(HandshakeAuthentication.GRANT) instanceof Grant grant)) {
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        if (session instanceof NativeWebSocketSession nativeSession) {
            Session jakarta = nativeSession.getNativeSession(Session.class);
            if (jakarta != null) {
                jakarta.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, hub.properties().sendTimeLimit().toMillis());
            }
        }
        WebSocketSubscriber subscriber = new WebSocketSubscriber(session, grant, hub);
        if (!hub.register(subscriber, false)) { // the handshake has just made room
            // Only when connections raced past the handshake's check: 1013 "try again later".
            session.close(new CloseStatus(1013, "Too many live connections for this user"));
            return;
        }
        session.getAttributes().put(SUBSCRIBER, subscriber);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Subscriber subscriber = subscriber(session);
        if (subscriber != null && stillAllowed(subscriber)) {
            subscriber.offer(Outbound.json(hub.messages().reply(message.getPayload())));
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Subscriber subscriber = subscriber(session);
        if (subscriber != null && stillAllowed(subscriber)) {
            subscriber.offer(Outbound.json(hub.messages().error("Binary messages are not supported: send JSON text")));
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        // the answer to our keep-alive ping: nothing to do
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("WebSocket transport error on session {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Subscriber subscriber = subscriber(session);
        if (subscriber != null) {
            subscriber.detach();
        }
    }

    private boolean stillAllowed(Subscriber subscriber) {
        if (hub.access().recheck(subscriber.grant()) == ScopeAccess.Verdict.DENIED) {
            subscriber.end(Subscriber.Ending.ACCESS_REVOKED);
            return false;
        }
        return true;
    }

    private static Subscriber subscriber(WebSocketSession session) {
        return session.getAttributes().get(SUBSCRIBER) instanceof Subscriber subscriber ? subscriber : null;
    }
}
