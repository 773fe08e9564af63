package io.migrationplatform.identity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature already verified, so a client sending the same access token on every
 * request pays for Base64 decoding, the HMAC and claim parsing once rather than per request (together
 * about a sixth of the CPU of an authenticated {@code GET}). Only successfully verified tokens are kept,
 * keyed by their exact text; on every use the token's claims are validated again (expiry, not-before,
 * issuer, audience …), so an expired token is refused exactly as without the cache. Whether the user and
 * the login session are still active is not decided here: that is checked in the database per request.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxTokens, Duration keepFor) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(keepFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return known;
            }
            verified.invalidate(token); // expired since: the verifier refuses it with the usual error
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
