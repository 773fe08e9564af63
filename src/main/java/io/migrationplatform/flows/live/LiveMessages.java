package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON messages of the live channel, in the seed's shapes: {@code flow_update} (server to
 * client, on WebSocket and SSE alike), {@code pong} (answer to a client's {@code ping}) and
 * {@code error} (any other client message; the connection stays open).
 */
final class LiveMessages {

    private final JsonMapper json;
    private final Clock clock;

    LiveMessages(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** {@code {"type": "flow_update", "flow_id", "data", "timestamp"}}. */
    String flowUpdate(FlowUpdate update) {
        return flowUpdate(update.flowId(), update.data(), update.timestamp().toString());
    }

    /** The first SSE event: the flow's current state, in the shape of an update. */
    String snapshot(UUID flowId, Map<String, Object> snapshot) {
        return flowUpdate(flowId, snapshot, clock.instant().toString());
    }

    private String flowUpdate(UUID flowId, Map<String, Object> data, String timestamp) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "flow_update");
        message.put("flow_id", flowId.toString());
        message.put("data", data);
        message.put("timestamp", timestamp);
        return json.writeValueAsString(message);
    }

    /** What a client message gets back: a pong for a ping, an error saying what is expected for anything else. */
    String reply(String clientMessage) {
        JsonNode node;
        try {
            node = json.readTree(clientMessage);
        } catch (JacksonException e) {
            return error("Malformed JSON: expected {\"type\": \"ping\"}");
        }
        JsonNode type = node == null ? null : node.get("type");
        if (type != null && type.isString() && type.stringValue().equals("ping")) {
            return pong();
        }
        return error("Unsupported message: the only message a client may send is {\"type\": \"ping\"}");
    }

    String pong() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "pong");
        message.put("timestamp", clock.instant().toString());
        return json.writeValueAsString(message);
    }

    String error(String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "error");
        message.put("message", text);
        return json.writeValueAsString(message);
    }
}
