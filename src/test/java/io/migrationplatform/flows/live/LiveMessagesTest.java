package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.flows.FlowUpdate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The message shapes of the seed, and the answer to every kind of client message. */
class LiveMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LiveMessages messages = new LiveMessages(JSON, Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aFlowUpdateHasTheSeedsShape() {
        UUID flowId = UUID.randomUUID();
        JsonNode message = JSON.readTree(messages.flowUpdate(new FlowUpdate(flowId, UUID.randomUUID(), UUID.randomUUID(),
                Map.of("status", "running", "progress", 40), Instant.parse("2026-12-03T09:00:00Z"))));
        assertThat(message.propertyNames()).containsExactly("type", "flow_id", "data", "timestamp");
        assertThat(message.get("type").asString()).isEqualTo("flow_update");
        assertThat(message.get("flow_id").asString()).isEqualTo(flowId.toString());
        assertThat(message.get("data").get("progress").asInt()).isEqualTo(40);
        assertThat(message.get("timestamp").asString()).isEqualTo("2026-12-03T09:00:00Z");
    }

    @Test
    void aPingIsAnsweredWithAPong() {
        JsonNode pong = JSON.readTree(messages.reply("{\"type\": \"ping\", \"id\": 3}"));
        assertThat(pong.get("type").asString()).isEqualTo("pong");
        assertThat(pong.get("timestamp").asString()).isEqualTo("2026-12-03T10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "[]", "{}", "{\"type\": \"PING\"}", "{\"type\": 1}", "{\"type\": \"subscribe\"}",
            "\"ping\"", "{\"type\": [\"ping\"]}"})
    void anythingElseIsAnsweredWithAnError(String clientMessage) {
        JsonNode error = JSON.readTree(messages.reply(clientMessage));
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("message").asString()).isNotBlank();
    }
}
