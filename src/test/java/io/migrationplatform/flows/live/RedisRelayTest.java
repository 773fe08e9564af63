package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.migrationplatform.flows.FlowUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The wire format between instances, and the rule that an instance never delivers its own update twice. */
class RedisRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedisRelay relay() {
        return new RedisRelay(mock(RedisConnectionFactory.class), mock(StringRedisTemplate.class), JSON, "test", 10,
                new LiveMetrics(new SimpleMeterRegistry(), () -> 0, () -> 0));
    }

    @Test
    void anotherInstancesUpdateIsDeliveredAsPublished() {
        RedisRelay sender = relay();
        RedisRelay receiver = relay();
        FlowUpdate update = new FlowUpdate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Map.of("status", "running", "progress", 40, "counts", Map.of("rows", 12)), Instant.parse("2026-12-03T10:15:30.123Z"));
        List<FlowUpdate> delivered = new ArrayList<>();
        receiver.receive(sender.encode(update).getBytes(StandardCharsets.UTF_8), delivered::add);
        assertThat(delivered).containsExactly(update);
    }

    @Test
    void anInstancesOwnUpdateComingBackIsSkipped() {
        RedisRelay relay = relay();
        FlowUpdate update = new FlowUpdate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Map.of(), Instant.now());
        List<FlowUpdate> delivered = new ArrayList<>();
        relay.receive(relay.encode(update).getBytes(StandardCharsets.UTF_8), delivered::add);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMalformedMessageIsIgnored() {
        List<FlowUpdate> delivered = new ArrayList<>();
        relay().receive("not json".getBytes(StandardCharsets.UTF_8), delivered::add);
        relay().receive("{\"origin\": \"x\", \"flow_id\": \"nope\"}".getBytes(StandardCharsets.UTF_8), delivered::add);
        assertThat(delivered).isEmpty();
    }
}
