package io.migrationplatform.flows.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.migrationplatform.identity.AccessTokens;
import io.migrationplatform.identity.TenantScopes;
import io.migrationplatform.platform.config.OptionalRedisEnvironmentPostProcessor;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live-update hub ({@link io.migrationplatform.flows.FlowUpdates}): in-process by default,
 * shared by all instances through Redis when Redis is configured (the same switch as the cache).
 */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveFlowUpdates liveFlowUpdates(LiveProperties properties, AccessTokens tokens, TenantScopes scopes, JsonMapper json,
                                    Clock clock, MeterRegistry meters,
                                    @Value("${" + OptionalRedisEnvironmentPostProcessor.REDIS_ENABLED + ":false}") boolean redisEnabled,
                                    ObjectProvider<StringRedisTemplate> redis,
                                    ObjectProvider<RedisConnectionFactory> connections) {
        StringRedisTemplate template = redisEnabled ? redis.getIfAvailable() : null;
        RedisConnectionFactory factory = redisEnabled ? connections.getIfAvailable() : null;
        RedisRelay.Factory relay = template == null || factory == null ? null
                : metrics -> new RedisRelay(factory, template, json, properties.redisChannel(), properties.publishQueue(), metrics);
        return new LiveFlowUpdates(properties, new ScopeAccess(tokens, scopes), new LiveMessages(json, clock), meters, relay);
    }
}
