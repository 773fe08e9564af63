package io.migrationplatform.platform.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Redis is optional. Spring Boot would connect to localhost:6379 whenever the Redis client is on
 * the classpath (and report health DOWN when nothing is there); here Redis is switched on only when
 * {@code SPRING_DATA_REDIS_URL} or {@code SPRING_DATA_REDIS_HOST} is set. Without it, caching and
 * flow updates stay in-process.
 */
public class OptionalRedisEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String REDIS_ENABLED = "migrate.redis.enabled";

    private static final Set<String> REDIS_AUTO_CONFIGURATIONS = Set.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean configured = StringUtils.hasText(environment.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(environment.getProperty("spring.data.redis.host"));
        if (configured) {
            environment.getPropertySources().addFirst(new MapPropertySource("optionalRedis", Map.of(REDIS_ENABLED, "true")));
            return;
        }
        Set<String> excludes = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(
                environment.getProperty("spring.autoconfigure.exclude", "")));
        excludes.addAll(REDIS_AUTO_CONFIGURATIONS);
        environment.getPropertySources().addFirst(new MapPropertySource("optionalRedis", Map.of(
                REDIS_ENABLED, "false",
                "spring.autoconfigure.exclude", String.join(",", excludes))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
