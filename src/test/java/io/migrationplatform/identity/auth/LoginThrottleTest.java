package io.migrationplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.platform.error.TooManyRequestsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void anAccountIsThrottledAfterItsLimitAndFreedBySuccessElsewhereNot() {
        LoginThrottle throttle = new LoginThrottle(3, 100, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            throttle.checkAllowed("A@x.com", "10.0.0.1");
            throttle.recordFailure("a@x.com ", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("a@x.com", "10.0.0.1"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isBetween(1L, 901L));
        throttle.checkAllowed("b@x.com", "10.0.0.1");
        // The real user, elsewhere, is not locked out by an attacker's failures.
        throttle.checkAllowed("a@x.com", "10.0.0.2");
    }

    @Test
    void anAddressIsThrottledAcrossAccounts() {
        LoginThrottle throttle = new LoginThrottle(100, 4, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("user" + i + "@x.com", "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.checkAllowed("fresh@x.com", "10.0.0.9")).isInstanceOf(TooManyRequestsException.class);
        throttle.checkAllowed("fresh@x.com", "10.0.0.10");
    }

    @Test
    void theWindowExpires() throws InterruptedException {
        LoginThrottle throttle = new LoginThrottle(1, 100, Duration.ofMillis(200));
        throttle.recordFailure("a@x.com", "10.0.0.1");
        assertThatThrownBy(() -> throttle.checkAllowed("a@x.com", "10.0.0.1")).isInstanceOf(TooManyRequestsException.class);
        Thread.sleep(300);
        throttle.checkAllowed("a@x.com", "10.0.0.1");
    }
}
