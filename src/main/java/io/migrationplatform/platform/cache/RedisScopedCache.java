package io.migrationplatform.platform.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared by every instance through Redis: generations are Redis counters, values JSON with a TTL.
 * When Redis fails the cache steps aside (values are computed from the database) instead of
 * failing the request or risking a stale answer.
 */
class RedisScopedCache extends ScopedCache {

    private static final Logger log = LoggerFactory.getLogger(RedisScopedCache.class);
    private static final String PREFIX = "mp:cache:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final AtomicLong lastWarning = new AtomicLong();

    RedisScopedCache(StringRedisTemplate redis, JsonMapper json, Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    @Override
    public <T> T get(String scope, String view, Class<T> type, Supplier<T> loader) {
        String key;
        try {
            String generation = redis.opsForValue().get(PREFIX + "gen:" + scope);
            key = PREFIX + scope + ":" + (generation == null ? "0" : generation) + ":" + view;
            String cached = redis.opsForValue().get(key);
            if (cached != null) {
                return json.readValue(cached, type);
            }
        } catch (RuntimeException e) {
            warn(e);
            return loader.get();
        }
        T value = loader.get();
        try {
            redis.opsForValue().set(key, json.writeValueAsString(value), ttl);
        } catch (RuntimeException e) {
            warn(e);
        }
        return value;
    }

    @Override
    protected void bumpGeneration(String scope) {
        try {
            redis.opsForValue().increment(PREFIX + "gen:" + scope);
        } catch (RuntimeException e) {
            // Without the bump other instances could serve a stale value until the TTL ends; say so loudly.
            log.error("Redis unavailable: cache of scope {} not invalidated (values expire within {})", scope, ttl);
        }
    }

    private void warn(RuntimeException e) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis unavailable, serving from the database: {}", e.getMessage());
        }
    }
}
