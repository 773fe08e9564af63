package io.migrationplatform.identity.auth;

import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into our user as of now (see {@link PrincipalCache}): a deactivated
 * user, a revoked session (logout, refresh-token theft) or a deleted user is refused at once.
 */
class UserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final PrincipalCache repository;

    UserAuthenticationConverter(PrincipalCache repository) {
        this.repository = repository;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId = UUID.fromString(jwt.getSubject());
        UUID sessionId = UUID.fromString(jwt.getClaimAsString(TokenService.SESSION_CLAIM));
        return repository.find(userId, sessionId)
                .map(user -> new UserAuthentication(user, jwt.getTokenValue()))
                .orElseThrow(() -> new InvalidBearerTokenException("Could not validate credentials"));
    }
}
