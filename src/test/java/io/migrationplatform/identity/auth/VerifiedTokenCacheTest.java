package io.migrationplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The remembered verification never lets through what the verifier alone would refuse. */
class VerifiedTokenCacheTest {

    private static final byte[] SECRET = "a-test-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TokenService tokens = new TokenService(SECRET, new AuthProperties("unused", Duration.ofMinutes(30),
            Duration.ofDays(7), "migration-platform", "migration-platform-api", 5, 20, Duration.ofMinutes(15)), clock);

    @Test
    void aVerifiedTokenIsAcceptedAgainUntilItExpires() {
        String token = tokens.issueAccessToken(UUID.randomUUID(), "a@example.com", UUID.randomUUID());
        assertThat(tokens.decoder().decode(token).getSubject()).isNotNull();
        now.set(now.get().plus(Duration.ofMinutes(29)));
        assertThat(tokens.decoder().decode(token).getTokenValue()).isEqualTo(token);
        // 30 minutes of life and 30 s of allowed clock skew: one second beyond, the remembered token is refused.
        now.set(Instant.parse("2026-12-04T10:30:31Z"));
        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsStillRefused() {
        String token = tokens.issueAccessToken(UUID.randomUUID(), "a@example.com", UUID.randomUUID());
        tokens.decoder().decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.decoder().decode(tampered)).isInstanceOf(JwtException.class);
        String[] parts = token.split("\\.");
        String otherPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 1)
                + (parts[1].endsWith("A") ? "B" : "A") + "." + parts[2];
        assertThatThrownBy(() -> tokens.decoder().decode(otherPayload)).isInstanceOf(JwtException.class);
    }

    @Test
    void theSignatureIsCheckedOncePerToken() {
        int[] verifications = {0};
        VerifiedTokenCache cache = new VerifiedTokenCache(t -> {
            verifications[0]++;
            return tokens.decoder().decode(t);
        }, jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success(), 10, Duration.ofMinutes(5));
        String token = tokens.issueAccessToken(UUID.randomUUID(), "a@example.com", UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            cache.decode(token);
        }
        assertThat(verifications[0]).isEqualTo(1);
    }
}
