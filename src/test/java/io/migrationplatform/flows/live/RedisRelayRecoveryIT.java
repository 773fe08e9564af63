package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.migrationplatform.flows.FlowUpdate;
import java.io.File;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance started while Redis was down joins the other instances once Redis is up: the
 * initial subscription is retried (Spring's listener container retries only a subscription it lost).
 * Runs its own redis-server on a free port; skipped where redis-server is not installed.
 */
class RedisRelayRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static RedisRelay relay(LettuceConnectionFactory factory, String channel) {
        return new RedisRelay(factory, new StringRedisTemplate(factory), JSON, channel, 100,
                new LiveMetrics(new SimpleMeterRegistry(), () -> 0, () -> 0));
    }

    @Test
    void aSubscriptionThatFailedAtStartIsRetriedUntilRedisIsUp() throws Exception {
        assumeTrue(new File("/usr/bin/redis-server").canExecute() || new File("/usr/local/bin/redis-server").canExecute(),
                "redis-server is not installed");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String channel = "mp:flow-updates:recovery-" + UUID.randomUUID();
        LettuceConnectionFactory subscriberSide = connections(port);
        LettuceConnectionFactory publisherSide = connections(port);
        RedisRelay late = relay(subscriberSide, channel);
        RedisRelay other = relay(publisherSide, channel);
        List<FlowUpdate> delivered = new CopyOnWriteArrayList<>();
        Process redis = null;
        try {
            late.start(delivered::add); // Redis is down: fails, retries in the background
            redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            FlowUpdate update = new FlowUpdate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                    Map.of("status", "running"), Instant.now());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (delivered.isEmpty() && System.nanoTime() < deadline) {
                other.publish(update); // until the late instance has subscribed, these reach nobody
                Thread.sleep(300);
            }
            assertThat(delivered).as("an update from another instance after Redis came up").isNotEmpty();
            assertThat(delivered.get(0).flowId()).isEqualTo(update.flowId());
        } finally {
            late.close();
            other.close();
            subscriberSide.destroy();
            publisherSide.destroy();
            if (redis != null) {
                redis.destroy();
                redis.waitFor();
            }
        }
    }
}
