package io.migrationplatform.identity.auth;

/** The OAuth2 token answer the seed's clients expect. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
}
