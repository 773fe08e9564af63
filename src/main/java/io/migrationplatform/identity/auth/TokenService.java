package io.migrationplatform.identity.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Issues and verifies HS256 access tokens. Only HS256 is accepted ({@code alg: none} and every
 * other algorithm fail signature verification), and issuer, audience, expiry, not-before, subject
 * and session id are all required.
 */
public class TokenService {

    static final String SESSION_CLAIM = "sid";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Access tokens whose verification is remembered: one per active client is plenty (20–40 MB when full). */
    private static final long VERIFIED_TOKENS = 10_000;

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final AuthProperties properties;
    private final Clock clock;

    TokenService(byte[] secret, AuthProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                // The timestamp validator checks nbf only when present; every token this service issues carries it.
                new JwtClaimValidator<Instant>(JwtClaimNames.NBF, nbf -> nbf != null),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && isUuid(sub)),
                new JwtClaimValidator<String>(SESSION_CLAIM, sid -> sid != null && isUuid(sid)));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        nimbus.setJwtValidator(validator);
        this.decoder = new VerifiedTokenCache(nimbus, validator, VERIFIED_TOKENS, properties.accessTokenTtl());
        this.properties = properties;
        this.clock = clock;
    }

    String issueAccessToken(UUID userId, String email, UUID sessionId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(userId.toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("email", email)
                .claim(SESSION_CLAIM, sessionId.toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    JwtDecoder decoder() {
        return decoder;
    }

    long accessTokenTtlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
