package io.migrationplatform.platform.cache;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** In-process cache by default; Redis when it is configured (SPRING_DATA_REDIS_URL or _HOST). */
@Configuration(proxyBeanMethods = false)
class ScopedCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScopedCacheConfiguration.class);

    @Bean
    ScopedCache scopedCache(@Value("${migrate.redis.enabled:false}") boolean redisEnabled,
                            @Value("${migrate.cache.ttl:5m}") Duration ttl,
                            ObjectProvider<StringRedisTemplate> redis, JsonMapper json) {
        StringRedisTemplate template = redisEnabled ? redis.getIfAvailable() : null;
        if (template != null) {
            log.info("Cache: Redis (shared by all instances), TTL {}", ttl);
            return new RedisScopedCache(template, json, ttl);
        }
        log.info("Cache: in-process (no Redis configured), TTL {}", ttl);
        return new InProcessScopedCache(ttl, 10_000);
    }
}
