package io.migrationplatform.identity.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.migrationplatform.platform.error.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-user token buckets for the operations marked {@link io.migrationplatform.identity.RateLimited}: each limit
 * allows a burst of its per-minute number, refilled evenly over the minute. Kept in this instance's memory, so
 * with several instances a user gets each limit once per instance.
 */
@Component
class RateLimiter {

    private record Key(UUID userId, String limit) {
    }

    /** Tokens left and when they were last counted; guarded by its own monitor. */
    private static final class Bucket {
        double tokens;
        long countedAtMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.countedAtMillis = now;
        }
    }

    private final Map<String, Integer> perMinute;
    private final Clock clock;
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RateLimiter(Limits limits, Clock clock) {
        this.perMinute = limits.rateLimits();
        this.clock = clock;
    }

    /** Takes one token of {@code limit} for {@code userId}, or answers 429 saying how long until the next one. */
    void acquire(UUID userId, String limit) {
        Integer allowed = perMinute.get(limit);
        if (allowed == null) {
            throw new IllegalStateException("No rate limit configured for '" + limit + "'");
        }
        if (allowed <= 0) {
            return; // 0 or less: unlimited
        }
        long now = clock.millis();
        Bucket bucket = buckets.get(new Key(userId, limit), k -> new Bucket(allowed, now));
        double perMilli = allowed / 60_000.0;
        synchronized (bucket) {
            bucket.tokens = Math.min(allowed, bucket.tokens + (now - bucket.countedAtMillis) * perMilli);
            bucket.countedAtMillis = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            long retryAfter = Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000));
            throw new TooManyRequestsException("Too many " + limit.replace('_', ' ') + " requests: at most " + allowed
                    + " a minute per user. Try again in " + retryAfter + " s.", retryAfter);
        }
    }

    /** {@code migrate.rate-limits.*}: requests per user and minute for each limited operation (0: unlimited). */
    @ConfigurationProperties("migrate")
    record Limits(Map<String, Integer> rateLimits) {
        Limits {
            rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        }
    }
}
