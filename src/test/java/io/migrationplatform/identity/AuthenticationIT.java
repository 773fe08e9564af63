package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Login, refresh rotation, theft detection, logout and /auth/me over real HTTP. */
class AuthenticationIT extends ApiIntegrationTest {

    @Test
    void passwordGrantFormAnswersTheOAuth2TokenShape() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("form"), "viewer");
        ApiClient.Response response = api().postForm("/api/v1/auth/token",
                Map.of("username", user.email(), "password", user.password(), "grant_type", "password"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("access_token").asString()).contains(".");
        assertThat(body.get("refresh_token").asString()).hasSizeGreaterThan(30);
        assertThat(api().withToken(body.get("access_token").asString()).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void emailIsCaseInsensitiveAndUnknownEmailLooksLikeWrongPassword() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("case"), "viewer");
        assertThat(api().post("/api/v1/auth/login", Map.of("email", user.email().toUpperCase(), "password", user.password())).status())
                .isEqualTo(200);
        ApiClient.Response wrong = api().post("/api/v1/auth/login", Map.of("email", user.email(), "password", "wrong-password"));
        ApiClient.Response unknown = api().post("/api/v1/auth/login", Map.of("email", "nobody-" + user.email(), "password", "wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").get("message").asString())
                .isEqualTo(unknown.json().get("error").get("message").asString());
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
    }

    /**
     * An unknown email is checked against a dummy bcrypt hash, so it takes as long as a wrong password: without it
     * it would answer in about a millisecond against bcrypt's tens. Interleaved, compared by medians, and with a
     * wide margin, so a busy machine cannot make it fail; only a missing password check can.
     */
    @Test
    void anUnknownEmailTakesAsLongAsAWrongPassword() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("timing");
        List<TestTenants.User> users = List.of(t.createUser(tenant, "viewer"), t.createUser(tenant, "viewer"), t.createUser(tenant, "viewer"));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // 4 failures per known email: under the 5 that lock it
            known.add(loginNanos(users.get(i % 3).email()));
            unknown.add(loginNanos("nobody-" + i + "-" + users.get(0).email()));
        }
        assertThat(median(unknown)).as("unknown %s ns vs wrong password %s ns", unknown, known).isGreaterThan(median(known) * 4 / 10);
    }

    private long loginNanos(String email) {
        long start = System.nanoTime();
        ApiClient.Response response = api().post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-password"));
        long nanos = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(401);
        return nanos;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    @Test
    void meListsAccountsRolesPermissionsAndDefaults() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("me");
        TestTenants.User user = t.createUser(tenant, "contributor");
        JsonNode me = t.as(user).get("/api/v1/auth/me").json();
        assertThat(me.get("user").get("email").asString()).isEqualTo(user.email());
        assertThat(me.get("user").has("password_hash")).isFalse();
        assertThat(me.get("default_client_account_id").asString()).isEqualTo(tenant.accountId().toString());
        assertThat(me.get("default_engagement_id").asString()).isEqualTo(tenant.engagementId().toString());
        JsonNode account = me.get("client_accounts").get(0);
        assertThat(account.get("role").asString()).isEqualTo("contributor");
        assertThat(account.get("permissions").toString())
                .isEqualTo("[\"read:assets\",\"write:assets\",\"flow:execute\"]");
    }

    @Test
    void refreshRotatesAndTheOldRefreshTokenIsSpent() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("refresh"), "viewer");
        ApiClient.Response first = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String newRefresh = first.json().get("refresh_token").asString();
        assertThat(newRefresh).isNotEqualTo(user.refreshToken());
        String newAccess = first.json().get("access_token").asString();
        assertThat(api().withToken(newAccess).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", "not-a-token")).status()).isEqualTo(401);
    }

    @Test
    void replayingASpentRefreshTokenRevokesTheWholeLogin() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("theft"), "viewer");
        JsonNode rotated = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).json();
        ApiClient.Response replay = api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(replay.status()).isEqualTo(401);
        // Everything issued under that login is dead now: the rotated refresh token and both access tokens.
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", rotated.get("refresh_token").asString())).status())
                .isEqualTo(401);
        assertThat(api().withToken(rotated.get("access_token").asString()).get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(t.as(user).get("/api/v1/auth/me").status()).isEqualTo(401);
        // Another login of the same user is unaffected.
        JsonNode other = t.login(user.email(), user.password());
        assertThat(api().withToken(other.get("access_token").asString()).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheLoginAtOnce() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("logout"), "viewer");
        assertThat(t.as(user).post("/api/v1/auth/logout", null).status()).isEqualTo(204);
        ApiClient.Response after = t.as(user).get("/api/v1/auth/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", user.refreshToken())).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottledWith429AndRetryAfter() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("throttle"), "viewer");
        for (int i = 0; i < 5; i++) {
            assertThat(api().post("/api/v1/auth/login", Map.of("email", user.email(), "password", "bad" + i)).status()).isEqualTo(401);
        }
        ApiClient.Response throttled = api().post("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
        assertThat(throttled.json().get("error").get("status_code").asInt()).isEqualTo(429);
        // Another account from the same address is not affected.
        TestTenants.User other = t.createUser(user.tenant(), "viewer");
        assertThat(api().post("/api/v1/auth/login", Map.of("email", other.email(), "password", other.password())).status())
                .isEqualTo(200);
    }

    @Test
    void missingTokenIs401InTheEnvelope() {
        ApiClient.Response response = api().get("/api/v1/auth/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("error").get("message").asString()).isEqualTo("Not authenticated");
    }
}
