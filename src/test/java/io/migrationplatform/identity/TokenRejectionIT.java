package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a bearer token can be wrong answers 401 with {@code WWW-Authenticate: Bearer}. */
class TokenRejectionIT extends ApiIntegrationTest {

    private TestTenants t;
    private TestTenants.User user;
    private UUID sessionId;

    @BeforeEach
    void user() throws Exception {
        t = tenants();
        user = t.createUser(t.createTenant("tokens"), "admin");
        sessionId = UUID.fromString(SignedJWT.parse(user.accessToken()).getJWTClaimsSet().getStringClaim("sid"));
    }

    private String forge(byte[] key, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("migration-platform").audience(List.of("migration-platform-api"))
                .subject(user.id().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("sid", sessionId.toString());
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private void assertRejected(String token) {
        ApiClient.Response response = api().withToken(token).get("/api/v1/auth/me");
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        // RFC 6750's error code only: no library text about why the token failed, no URL built from the Host header.
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.json().get("error").get("status_code").asInt()).isEqualTo(401);
    }

    @Test
    void withoutATokenTheChallengeIsPlainBearer() {
        assertThat(api().get("/api/v1/auth/me").header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api().withHeader("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/auth/me").header("WWW-Authenticate"))
                .as("another scheme is no bearer token").isEqualTo("Bearer");
    }

    /** The protected-resource metadata Spring Security serves must not claim what this service does not do. */
    @Test
    void theResourceMetadataIsTruthful() {
        tools.jackson.databind.JsonNode metadata = api().get("/.well-known/oauth-protected-resource").json();
        assertThat(metadata.path("tls_client_certificate_bound_access_tokens").asBoolean(false)).isFalse();
        assertThat(metadata.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }

    @Test
    void aCorrectlyForgedTokenIsAccepted() throws Exception {
        // Guards the other cases: they fail for the reason they name, not because forging is broken.
        String token = forge(signingSecret(), JWSAlgorithm.HS256, c -> { });
        assertThat(api().withToken(token).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void algNoneIsRejected() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        String payload = b64.encodeToString(("{\"iss\":\"migration-platform\",\"aud\":[\"migration-platform-api\"],\"sub\":\""
                + user.id() + "\",\"sid\":\"" + sessionId + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + payload + ".");
    }

    @Test
    void anotherKeyIsRejected() throws Exception {
        assertRejected(forge("a-completely-different-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
                JWSAlgorithm.HS256, c -> { }));
    }

    @Test
    void anotherAlgorithmWithTheRightKeyIsRejected() throws Exception {
        byte[] longKey = new byte[64];
        System.arraycopy(signingSecret(), 0, longKey, 0, Math.min(64, signingSecret().length));
        assertRejected(forge(longKey, JWSAlgorithm.HS512, c -> { }));
    }

    @Test
    void wrongIssuerOrAudienceIsRejected() throws Exception {
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.issuer("someone-else")));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.audience("another-api")));
    }

    @Test
    void expiredOrNotYetValidIsRejected() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256,
                c -> c.issueTime(Date.from(past)).notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60)))));
        Instant future = Instant.now().plusSeconds(3600);
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.notBeforeTime(Date.from(future))));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.expirationTime(null)));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.notBeforeTime(null)));
    }

    @Test
    void missingOrMalformedClaimsAreRejected() throws Exception {
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.claim("sid", null)));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.subject("admin")));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.subject(UUID.randomUUID().toString())));
        assertRejected(forge(signingSecret(), JWSAlgorithm.HS256, c -> c.claim("sid", UUID.randomUUID().toString())));
        assertRejected("not.a.jwt");
        assertRejected("garbage");
    }

    @Test
    void aDeactivatedUserLosesAccessAtOnce() {
        assertThat(t.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(t.admin().post("/api/v1/admin/users/" + user.id() + "/deactivate", null).status()).isEqualTo(200);
        assertRejected(user.accessToken());
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password())).status())
                .isEqualTo(401);
        // Reactivated, the user can log in again (old logins stay revoked).
        assertThat(t.admin().post("/api/v1/admin/users/" + user.id() + "/activate", null).status()).isEqualTo(200);
        assertRejected(user.accessToken());
        assertThat(api().post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password())).status())
                .isEqualTo(200);
    }

    /** A role taken away: the token still verifies, but the account's data is out of reach on the very next request. */
    @Test
    void aRevokedRoleLosesAccessAtOnce() {
        ApiClient client = t.as(user);
        assertThat(client.get("/api/v1/assets").status()).isEqualTo(200);
        ApiClient.Response removed = t.admin().delete("/api/v1/admin/client-accounts/" + user.tenant().accountId() + "/users/" + user.id());
        assertThat(removed.status()).as(removed.toString()).isIn(200, 204);
        ApiClient.Response after = client.get("/api/v1/assets");
        assertThat(after.status()).as(after.toString()).isIn(401, 403);
        assertThat(after.json().get("error").get("status_code").asInt()).isEqualTo(after.status());
        assertThat(client.withHeader("X-Client-Account-ID", user.tenant().accountId().toString()).get("/api/v1/assets").status())
                .as("naming the account explicitly").isIn(401, 403);
    }

    /** A user deleted by an operator, straight in the database: its tokens and refresh tokens die with it. */
    @Test
    void aDeletedUsersTokensAreRejected() {
        assertThat(t.as(user).get("/api/v1/auth/me").status()).isEqualTo(200);
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", user.id()).update();
        int status = io.migrationplatform.support.Polling.until(() -> api().withToken(user.accessToken()).get("/api/v1/auth/me").status(),
                s -> s == 401, java.time.Duration.ofSeconds(5), "the deleted user's token refused");
        assertThat(status).isEqualTo(401);
        assertRejected(user.accessToken());
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status()).isEqualTo(401);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;
}
