package io.migrationplatform.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A Redis that is down never fails a read: the cache steps aside and the value comes from the loader. */
class RedisScopedCacheTest {

    @Test
    void unreachableRedisDegradesToTheLoader() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        factory.afterPropertiesSet();
        try {
            RedisScopedCache cache = new RedisScopedCache(new StringRedisTemplate(factory), JsonMapper.builder().build(),
                    Duration.ofMinutes(1));
            AtomicInteger loads = new AtomicInteger();
            long started = System.nanoTime();
            assertThat(cache.get("scope", "view", String.class, () -> "v" + loads.incrementAndGet())).isEqualTo("v1");
            assertThat(cache.get("scope", "view", String.class, () -> "v" + loads.incrementAndGet())).isEqualTo("v2");
            cache.invalidate("scope");
            assertThat(loads.get()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        } finally {
            factory.destroy();
        }
    }

    @Test
    void inProcessCacheServesUntilInvalidated() {
        InProcessScopedCache cache = new InProcessScopedCache(Duration.ofMinutes(1), 100);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("s", "v", Integer.class, loads::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("s", "v", Integer.class, loads::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("other", "v", Integer.class, loads::incrementAndGet)).isEqualTo(2);
        cache.invalidate("s");
        assertThat(cache.get("s", "v", Integer.class, loads::incrementAndGet)).isEqualTo(3);
    }
}
