package io.migrationplatform.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket handshake is refused, never upgraded, for every caller the REST API would refuse:
 * 401 without a valid token of an active user, 403 for a scope the user may not read.
 */
class WebSocketHandshakeRefusalIT extends ApiIntegrationTest {

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private TestTenants.User user;
    private String url;

    @BeforeEach
    void user() {
        t = tenants();
        tenant = t.createTenant("ws-refusal");
        user = t.createUser(tenant, "viewer");
        url = LiveClient.url(port, tenant.accountId(), tenant.engagementId());
    }

    private int refused(String url) {
        return LiveClient.refusedStatus(url, Map.of());
    }

    private String withToken(String url, String token) {
        return url + "?token=" + token;
    }

    private String forge(byte[] key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        String sid = SignedJWT.parse(user.accessToken()).getJWTClaimsSet().getStringClaim("sid");
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("migration-platform").audience(List.of("migration-platform-api"))
                .subject(user.id().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("sid", sid);
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    @Test
    void aCorrectlyForgedTokenIsAccepted() throws Exception {
        // Guards the forged cases below: they fail for the reason they name, not because forging is broken.
        try (LiveClient client = LiveClient.connect(url, forge(signingSecret(), c -> { }))) {
            client.send("{\"type\": \"ping\"}");
            assertThat(client.next(FlowUpdatesWebSocketIT.WAIT).get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void noTokenIsRefusedWith401() {
        assertThat(refused(url)).isEqualTo(401);
        assertThat(refused(withToken(url, ""))).isEqualTo(401);
        assertThat(LiveClient.refusedStatus(url, Map.of("Authorization", "Bearer "))).isEqualTo(401);
    }

    @Test
    void aBadTokenIsRefusedWith401() {
        assertThat(refused(withToken(url, "garbage"))).isEqualTo(401);
        assertThat(refused(withToken(url, "not.a.jwt"))).isEqualTo(401);
        assertThat(LiveClient.refusedStatus(url, Map.of("Authorization", "Bearer garbage"))).isEqualTo(401);
        // the refresh token is not an access token
        assertThat(refused(withToken(url, user.refreshToken()))).isEqualTo(401);
    }

    @Test
    void expiredOrForgedTokensAreRefusedWith401() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertThat(refused(withToken(url, forge(signingSecret(), c -> c.issueTime(Date.from(past))
                .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))))))).isEqualTo(401);
        assertThat(refused(withToken(url, forge("a-completely-different-secret-of-enough-length".getBytes(StandardCharsets.UTF_8),
                c -> { })))).isEqualTo(401);
        assertThat(refused(withToken(url, forge(signingSecret(), c -> c.audience("another-api"))))).isEqualTo(401);
        assertThat(refused(withToken(url, forge(signingSecret(), c -> c.subject(UUID.randomUUID().toString()))))).isEqualTo(401);
    }

    @Test
    void aDeactivatedOrLoggedOutUserIsRefusedWith401() {
        TestTenants.User other = t.createUser(tenant, "admin");
        assertThat(t.admin().post("/api/v1/admin/users/" + user.id() + "/deactivate", null).status()).isEqualTo(200);
        assertThat(refused(withToken(url, user.accessToken()))).isEqualTo(401);
        assertThat(t.as(other).post("/api/v1/auth/logout", null).status()).isBetween(200, 204);
        assertThat(refused(withToken(url, other.accessToken()))).isEqualTo(401);
    }

    @Test
    void anotherTenantsClientAccountIsRefusedWith403() {
        TestTenants.Tenant other = t.createTenant("ws-refusal-other");
        assertThat(refused(withToken(LiveClient.url(port, other.accountId(), other.engagementId()), user.accessToken())))
                .isEqualTo(403);
        // own account with the other tenant's engagement, and the other account with an own engagement
        assertThat(refused(withToken(LiveClient.url(port, tenant.accountId(), other.engagementId()), user.accessToken())))
                .isEqualTo(403);
        assertThat(refused(withToken(LiveClient.url(port, other.accountId(), tenant.engagementId()), user.accessToken())))
                .isEqualTo(403);
    }

    @Test
    void anEngagementTheUserCannotReadIsRefusedWith403() {
        assertThat(refused(withToken(LiveClient.url(port, tenant.accountId(), UUID.randomUUID()), user.accessToken())))
                .isEqualTo(403);
        assertThat(refused(withToken(LiveClient.url(port, tenant.accountId(), "not-a-uuid"), user.accessToken())))
                .isEqualTo(403);
    }

    @Test
    void aRevokedRoleIsRefusedWith403() {
        assertThat(t.admin().delete("/api/v1/admin/client-accounts/" + tenant.accountId() + "/users/" + user.id()).status())
                .isBetween(200, 204);
        assertThat(refused(withToken(url, user.accessToken()))).isEqualTo(403);
    }

    @Test
    void aBrowserFromAnOriginNotAllowedIsRefusedWith403InTheEnvelope() throws Exception {
        HttpRequest upgrade = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws/flow-updates/"
                        + tenant.accountId() + "/" + tenant.engagementId() + "?token=" + user.accessToken()))
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
                .header("Origin", "https://evil.example")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(upgrade, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status_code\":403").contains("Origin not allowed");
        // The API's own origin is allowed.
        try (LiveClient own = LiveClient.connect(LiveClient.url(port, tenant.accountId(), tenant.engagementId()),
                Map.of("Authorization", "Bearer " + user.accessToken(), "Origin", "http://localhost:" + port))) {
            assertThat(own).isNotNull();
        }
    }

    @Test
    void aRefusedHandshakeAnswersInTheErrorEnvelope() throws Exception {
        HttpRequest upgrade = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ws/flow-updates/"
                        + tenant.accountId() + "/" + tenant.engagementId()))
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
                .GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(upgrade, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status_code\":401").contains("Not authenticated");
    }
}
