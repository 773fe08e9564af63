package io.migrationplatform.identity.auth;

import io.migrationplatform.platform.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login, refresh-token rotation and logout. A login is a session; each refresh token is single
 * use and replaced on every refresh; presenting a used one means it was stolen (or replayed), so
 * the whole session is revoked, access tokens included.
 */
@Service
class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final String BAD_CREDENTIALS = "Incorrect email or password";
    private static final String BAD_REFRESH = "Invalid or expired refresh token";

    private final AuthRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the email is unknown, so both failures cost the same time. */
    private final String dummyHash;

    AuthService(AuthRepository repository, PasswordEncoder passwordEncoder, TokenService tokens, LoginThrottle throttle,
                AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public TokenResponse login(String email, String password, String clientAddress) {
        if (email.indexOf('\u0000') >= 0 || password.indexOf('\u0000') >= 0) {
            throw unauthorized(BAD_CREDENTIALS);
        }
        throttle.checkAllowed(email, clientAddress);
        Optional<AuthRepository.Credentials> credentials = repository.findCredentials(email.trim());
        String hash = credentials.map(AuthRepository.Credentials::passwordHash).orElse(dummyHash);
        // bcrypt refuses more than 72 bytes; such a password can never be right, but costs the same time to refuse.
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > 72;
        boolean matches = passwordEncoder.matches(tooLong ? "-" : password, hash) && !tooLong;
        if (credentials.isEmpty() || !matches || !credentials.get().active()) {
            throttle.recordFailure(email, clientAddress);
            log.info("Failed login from {}", clientAddress);
            throw unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(email, clientAddress);
        AuthRepository.Credentials user = credentials.get();
        UUID sessionId = UUID.randomUUID();
        repository.createSession(sessionId, user.id(), clock.instant().plus(properties.refreshTokenTtl()));
        return issuePair(user.id(), user.email(), sessionId);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public TokenResponse refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        AuthRepository.RefreshTokenRow row = repository.findRefreshToken(hash).orElseThrow(() -> unauthorized(BAD_REFRESH));
        if (row.usedAt() != null || !repository.markUsed(hash)) {
            repository.revokeSession(row.sessionId(), "refresh_token_reuse");
            log.warn("Refresh token reused for session {}: session revoked", row.sessionId());
            throw unauthorized(BAD_REFRESH);
        }
        if (row.sessionRevokedAt() != null || row.expiresAt().isBefore(clock.instant())) {
            throw unauthorized(BAD_REFRESH);
        }
        repository.extendSession(row.sessionId(), clock.instant().plus(properties.refreshTokenTtl()));
        return repository.findActivePrincipal(row.userId(), row.sessionId())
                .map(user -> issuePair(user.id(), user.email(), row.sessionId()))
                .orElseThrow(() -> unauthorized(BAD_REFRESH));
    }

    @Transactional
    public void logout(UUID sessionId) {
        repository.revokeSession(sessionId, "logout");
    }

    private TokenResponse issuePair(UUID userId, String email, UUID sessionId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(properties.refreshTokenTtl());
        repository.storeRefreshToken(sha256(refreshToken), sessionId, expiresAt);
        String accessToken = tokens.issueAccessToken(userId, email, sessionId);
        return new TokenResponse(accessToken, "bearer", tokens.accessTokenTtlSeconds(), refreshToken);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message);
    }
}
