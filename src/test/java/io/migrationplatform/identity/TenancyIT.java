package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How the tenant scope of a request is chosen and checked (headers, defaults, associations). */
class TenancyIT extends ApiIntegrationTest {

    private static final String SCOPE = "/api/v1/test-support/scope";

    @Test
    void defaultsApplyWhenNoHeadersAreSent() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("defaults");
        JsonNode scope = t.as(t.createUser(tenant, "viewer")).get(SCOPE).json();
        assertThat(scope.get("client_account_id").asString()).isEqualTo(tenant.accountId().toString());
        assertThat(scope.get("engagement_id").asString()).isEqualTo(tenant.engagementId().toString());
        assertThat(scope.get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void headersSelectAnotherEngagementOfTheSameAccount() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("headers");
        UUID second = t.addEngagement(tenant, "Second wave");
        TestTenants.User user = t.createUser(tenant, "viewer");
        JsonNode scope = t.as(user).withHeader("X-Engagement-ID", second.toString()).get(SCOPE).json();
        assertThat(scope.get("engagement_id").asString()).isEqualTo(second.toString());
    }

    @Test
    void aClientAccountWithoutAssociationIs403AndAForeignEngagementIs404() {
        TestTenants t = tenants();
        TestTenants.Tenant mine = t.createTenant("mine");
        TestTenants.Tenant theirs = t.createTenant("theirs");
        ApiClient me = t.as(t.createUser(mine, "super_admin"));
        ApiClient.Response foreignAccount = me.withHeader("X-Client-Account-ID", theirs.accountId().toString()).get(SCOPE);
        assertThat(foreignAccount.status()).isEqualTo(403);
        ApiClient.Response foreignEngagement = me.withHeader("X-Engagement-ID", theirs.engagementId().toString()).get(SCOPE);
        assertThat(foreignEngagement.status()).isEqualTo(404);
        ApiClient.Response unknownEngagement = me.withHeader("X-Engagement-ID", UUID.randomUUID().toString()).get(SCOPE);
        assertThat(unknownEngagement.status()).isEqualTo(404);
        ApiClient.Response badHeader = me.withHeader("X-Client-Account-ID", "not-a-uuid").get(SCOPE);
        assertThat(badHeader.status()).isEqualTo(422);
        assertThat(badHeader.json().toString()).contains("X-Client-Account-ID");
    }

    @Test
    void aUserInTwoAccountsHasTheRoleOfTheSelectedOne() {
        TestTenants t = tenants();
        TestTenants.Tenant first = t.createTenant("multi-a");
        TestTenants.Tenant second = t.createTenant("multi-b");
        TestTenants.User user = t.createUser(first, "viewer");
        assertThat(t.admin().put("/api/v1/admin/client-accounts/" + second.accountId() + "/users/" + user.id(),
                Map.of("role", "admin")).status()).isEqualTo(200);
        ApiClient client = t.as(user);
        assertThat(client.delete(SCOPE).status()).isEqualTo(403);
        ApiClient inSecond = client.withHeader("X-Client-Account-ID", second.accountId().toString());
        assertThat(inSecond.get(SCOPE).json().get("role").asString()).isEqualTo("admin");
        assertThat(inSecond.delete(SCOPE).status()).isEqualTo(200);
    }

    @Test
    void missingPermissionIs403NamingIt() {
        TestTenants t = tenants();
        ApiClient.Response response = t.as(t.createUser(t.createTenant("perm"), "contributor")).delete(SCOPE);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").get("message").asString())
                .isEqualTo("Insufficient permissions. Required: delete:assets");
    }

    @Test
    void aRevokedRoleLosesAccessAtOnce() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("revoke");
        TestTenants.User user = t.createUser(tenant, "admin");
        assertThat(t.as(user).delete(SCOPE).status()).isEqualTo(200);
        assertThat(t.admin().put("/api/v1/admin/client-accounts/" + tenant.accountId() + "/users/" + user.id(),
                Map.of("role", "viewer")).status()).isEqualTo(200);
        assertThat(t.as(user).delete(SCOPE).status()).isEqualTo(403);
        assertThat(t.admin().delete("/api/v1/admin/client-accounts/" + tenant.accountId() + "/users/" + user.id()).status())
                .isEqualTo(204);
        assertThat(t.as(user).get(SCOPE).status()).isEqualTo(403);
        assertThat(t.as(user).get("/api/v1/auth/me").json().get("client_accounts").size()).isZero();
    }

    @Test
    void aDeactivatedClientAccountIsClosedToItsUsers() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("closed");
        TestTenants.User user = t.createUser(tenant, "admin");
        assertThat(t.as(user).get(SCOPE).status()).isEqualTo(200);
        assertThat(t.admin().put("/api/v1/admin/client-accounts/" + tenant.accountId(), Map.of("is_active", false)).status())
                .isEqualTo(200);
        assertThat(t.as(user).get(SCOPE).status()).isEqualTo(403);
    }
}
