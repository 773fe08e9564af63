package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.AccessTokens;
import io.migrationplatform.identity.AuthenticatedUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** The REST filter chain's token check (same decoder, same database re-check), callable on its own. */
@Component
class AccessTokenAuthenticator implements AccessTokens {

    private final JwtDecoder decoder;
    private final PrincipalCache repository;

    AccessTokenAuthenticator(JwtDecoder decoder, PrincipalCache repository) {
        this.decoder = decoder;
        this.repository = repository;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(accessToken);
        } catch (JwtException e) {
            return Optional.empty();
        }
        // The decoder's validators already require sub and sid to be UUIDs.
        return repository.find(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(TokenService.SESSION_CLAIM)));
    }
}
