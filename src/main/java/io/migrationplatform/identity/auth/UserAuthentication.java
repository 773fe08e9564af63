package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.AuthenticatedUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The Spring Security authentication of a request: our user, loaded fresh from the database. */
final class UserAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;
    private final String token;

    UserAuthentication(AuthenticatedUser user, String token) {
        super(List.of());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id().toString();
    }
}
