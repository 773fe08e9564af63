package io.migrationplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates tenants and users through the real administration API, as an operator would. */
public final class TestTenants {

    public record Tenant(UUID accountId, UUID engagementId, String name) {
    }

    public record User(UUID id, String email, String password, String accessToken, String refreshToken, Tenant tenant) {
    }

    private final ApiClient anonymous;
    private String adminToken;

    public TestTenants(ApiClient anonymous) {
        this.anonymous = anonymous;
    }

    public ApiClient admin() {
        if (adminToken == null) {
            adminToken = login(ApiIntegrationTest.ADMIN_EMAIL, ApiIntegrationTest.ADMIN_PASSWORD).get("access_token").asString();
        }
        return anonymous.withToken(adminToken);
    }

    public JsonNode login(String email, String password) {
        ApiClient.Response response = anonymous.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public Tenant createTenant(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        ApiClient.Response account = admin().post("/api/v1/admin/client-accounts", Map.of("name", name));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        UUID accountId = UUID.fromString(account.json().get("id").asString());
        ApiClient.Response engagement = admin().post("/api/v1/admin/client-accounts/" + accountId + "/engagements",
                Map.of("name", "Engagement of " + name));
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        return new Tenant(accountId, UUID.fromString(engagement.json().get("id").asString()), name);
    }

    public UUID addEngagement(Tenant tenant, String name) {
        ApiClient.Response engagement = admin().post("/api/v1/admin/client-accounts/" + tenant.accountId() + "/engagements",
                Map.of("name", name));
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        return UUID.fromString(engagement.json().get("id").asString());
    }

    /** A user with one role in the tenant, already logged in. */
    public User createUser(Tenant tenant, String role) {
        String email = role + "-" + UUID.randomUUID() + "@it.example.com";
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("full_name", "Test " + role);
        body.put("client_account_id", tenant.accountId().toString());
        body.put("role", role);
        ApiClient.Response created = admin().post("/api/v1/admin/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode tokens = login(email, password);
        return new User(UUID.fromString(created.json().get("id").asString()), email, password,
                tokens.get("access_token").asString(), tokens.get("refresh_token").asString(), tenant);
    }

    public ApiClient as(User user) {
        return anonymous.withToken(user.accessToken());
    }
}
