package io.migrationplatform.identity;

import java.util.Optional;

/**
 * Checks an access token outside the REST filter chain (a WebSocket handshake, a long-lived
 * stream re-checking its caller), with exactly the rules of a REST request: a valid HS256
 * signature, issuer, audience, expiry, and an active user with a live login session, loaded fresh
 * from the database.
 */
public interface AccessTokens {

    /** The user the token belongs to as of now; empty when the token is missing, invalid, expired or revoked, or the user inactive. */
    Optional<AuthenticatedUser> authenticate(String accessToken);
}
