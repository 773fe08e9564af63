package io.migrationplatform.identity.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.migrationplatform.platform.error.TooManyRequestsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    };
    private final RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(Map.of("planning", 6, "imports", 0)), clock);
    private final UUID ana = UUID.randomUUID();

    @Test
    void aBurstOfTheMinutesAllowanceThenOneEveryTenthOfAMinute() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(ana, "planning");
        }
        TooManyRequestsException refused = catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire(ana, "planning"));
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        assertThat(refused).hasMessageContaining("at most 6 a minute per user").hasMessageContaining("10 s");
        millis.addAndGet(9_000);
        assertThat(catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire(ana, "planning")).retryAfterSeconds())
                .isEqualTo(1);
        millis.addAndGet(1_000);
        limiter.acquire(ana, "planning"); // 10 s later: one more token
        assertThatThrownBy(() -> limiter.acquire(ana, "planning")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void usersAndLimitsHaveTheirOwnBuckets() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(ana, "planning");
        }
        limiter.acquire(UUID.randomUUID(), "planning");
        for (int i = 0; i < 100; i++) {
            limiter.acquire(ana, "imports"); // 0: unlimited
        }
    }

    @Test
    void aLongPauseRefillsNoMoreThanTheBurst() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire(ana, "planning");
        }
        millis.addAndGet(3_600_000);
        for (int i = 0; i < 6; i++) {
            limiter.acquire(ana, "planning");
        }
        assertThatThrownBy(() -> limiter.acquire(ana, "planning")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void anUnconfiguredLimitIsAProgrammingError() {
        assertThatThrownBy(() -> limiter.acquire(ana, "nothing")).isInstanceOf(IllegalStateException.class);
    }
}
