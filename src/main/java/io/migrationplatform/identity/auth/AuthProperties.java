package io.migrationplatform.identity.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token and login settings ({@code migrate.auth.*}).
 *
 * @param jwtSecret             HS256 signing secret, at least 32 bytes ({@code MIGRATE_JWT_SECRET})
 * @param accessTokenTtl        lifetime of an access token
 * @param refreshTokenTtl       lifetime of a login (its refresh tokens)
 * @param issuer                {@code iss} written and required
 * @param audience              {@code aud} written and required
 * @param maxFailuresPerAccount failed logins for one email before it is throttled
 * @param maxFailuresPerAddress failed logins from one client address before it is throttled
 * @param failureWindow         window in which failures are counted
 */
@ConfigurationProperties("migrate.auth")
public record AuthProperties(
        String jwtSecret,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("migration-platform") String issuer,
        @DefaultValue("migration-platform-api") String audience,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration failureWindow) {
}
