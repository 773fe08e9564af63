package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The administration API: a role × endpoint matrix for every role, a cross-tenant matrix
 * (a super_admin of tenant A against every object of tenant B: 404, nothing changed), and the
 * rules that keep account admins inside their own account.
 */
class AdministrationIT extends ApiIntegrationTest {

    private static final List<String> ROLES = List.of("viewer", "contributor", "admin", "super_admin");

    /** One protected call; {@code expected} lists the status per role in {@link #ROLES} order. */
    private record Case(String name, Function<Fixture, ApiClient.Response> call, List<Integer> expected) {
    }

    private record Fixture(TestTenants t, TestTenants.Tenant tenant, ApiClient client) {

        TestTenants.User target() {
            return t.createUser(tenant, "viewer");
        }
    }

    private static Map<String, Object> newUser(UUID account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", "new-" + UUID.randomUUID() + "@it.example.com");
        body.put("password", "a-long-password");
        body.put("client_account_id", account.toString());
        body.put("role", "viewer");
        return body;
    }

    private static final String ACCOUNTS = "/api/v1/admin/client-accounts";

    private final List<Case> matrix = List.of(
            new Case("list accounts", f -> f.client.get(ACCOUNTS), List.of(200, 200, 200, 200)),
            new Case("get own account", f -> f.client.get(ACCOUNTS + "/" + f.tenant.accountId()), List.of(403, 403, 200, 200)),
            new Case("create account", f -> f.client.post(ACCOUNTS, Map.of("name", "x-" + UUID.randomUUID())),
                    List.of(403, 403, 403, 403)),
            new Case("update own account", f -> f.client.put(ACCOUNTS + "/" + f.tenant.accountId(), Map.of("name", "renamed-" + UUID.randomUUID())),
                    List.of(403, 403, 403, 403)),
            new Case("create engagement", f -> f.client.post(ACCOUNTS + "/" + f.tenant.accountId() + "/engagements",
                    Map.of("name", "e-" + UUID.randomUUID())), List.of(403, 403, 201, 201)),
            new Case("list engagements", f -> f.client.get(ACCOUNTS + "/" + f.tenant.accountId() + "/engagements"),
                    List.of(403, 403, 200, 200)),
            new Case("update engagement", f -> f.client.put(ACCOUNTS + "/" + f.tenant.accountId() + "/engagements/" + f.tenant.engagementId(),
                    Map.of("description", "updated")), List.of(403, 403, 200, 200)),
            new Case("list account users", f -> f.client.get(ACCOUNTS + "/" + f.tenant.accountId() + "/users"),
                    List.of(403, 403, 200, 200)),
            new Case("assign role", f -> f.client.put(ACCOUNTS + "/" + f.tenant.accountId() + "/users/" + f.target().id(),
                    Map.of("role", "contributor")), List.of(403, 403, 200, 200)),
            new Case("revoke role", f -> f.client.delete(ACCOUNTS + "/" + f.tenant.accountId() + "/users/" + f.target().id()),
                    List.of(403, 403, 204, 204)),
            new Case("create user", f -> f.client.post("/api/v1/admin/users", newUser(f.tenant.accountId())),
                    List.of(403, 403, 201, 201)),
            new Case("list users", f -> f.client.get("/api/v1/admin/users"), List.of(403, 403, 200, 200)),
            new Case("get user", f -> f.client.get("/api/v1/admin/users/" + f.target().id()), List.of(404, 404, 200, 200)),
            new Case("deactivate user", f -> f.client.post("/api/v1/admin/users/" + f.target().id() + "/deactivate", null),
                    List.of(404, 404, 200, 200)),
            new Case("me", f -> f.client.get("/api/v1/auth/me"), List.of(200, 200, 200, 200)));

    @Test
    void roleMatrix() {
        TestTenants t = tenants();
        SoftAssertions soft = new SoftAssertions();
        for (int r = 0; r < ROLES.size(); r++) {
            TestTenants.Tenant tenant = t.createTenant("matrix-" + ROLES.get(r));
            Fixture fixture = new Fixture(t, tenant, t.as(t.createUser(tenant, ROLES.get(r))));
            for (Case c : matrix) {
                ApiClient.Response response = c.call.apply(fixture);
                soft.assertThat(response.status()).as(ROLES.get(r) + " / " + c.name + " -> " + response).isEqualTo(c.expected.get(r));
            }
        }
        soft.assertAll();
    }

    @Test
    void crossTenantMatrixAnswers404AndChangesNothing() {
        TestTenants t = tenants();
        TestTenants.Tenant a = t.createTenant("cross-a");
        TestTenants.Tenant b = t.createTenant("cross-b");
        TestTenants.User bUser = t.createUser(b, "contributor");
        ApiClient attacker = t.as(t.createUser(a, "super_admin"));
        String bAccount = ACCOUNTS + "/" + b.accountId();
        JsonNode accountBefore = t.admin().get(bAccount).json();
        JsonNode userBefore = t.admin().get("/api/v1/admin/users/" + bUser.id()).json();

        List<ApiClient.Response> responses = List.of(
                attacker.get(bAccount),
                attacker.put(bAccount, Map.of("name", "pwned")),
                attacker.get(bAccount + "/engagements"),
                attacker.post(bAccount + "/engagements", Map.of("name", "pwned")),
                attacker.put(bAccount + "/engagements/" + b.engagementId(), Map.of("name", "pwned")),
                attacker.put(ACCOUNTS + "/" + a.accountId() + "/engagements/" + b.engagementId(), Map.of("name", "pwned")),
                attacker.get(bAccount + "/users"),
                attacker.put(bAccount + "/users/" + bUser.id(), Map.of("role", "super_admin")),
                attacker.delete(bAccount + "/users/" + bUser.id()),
                attacker.get("/api/v1/admin/users/" + bUser.id()),
                attacker.post("/api/v1/admin/users/" + bUser.id() + "/deactivate", null),
                attacker.post("/api/v1/admin/users", newUser(b.accountId())));
        SoftAssertions soft = new SoftAssertions();
        // Updating the account itself is platform-only (403); every object of B is otherwise invisible (404).
        for (int i = 0; i < responses.size(); i++) {
            int expected = i == 1 ? 403 : 404;
            soft.assertThat(responses.get(i).status()).as("call " + i + " -> " + responses.get(i)).isEqualTo(expected);
            soft.assertThat(responses.get(i).text()).doesNotContain(b.name());
        }
        soft.assertAll();
        assertThat(t.admin().get(bAccount).json()).isEqualTo(accountBefore);
        JsonNode userAfter = t.admin().get("/api/v1/admin/users/" + bUser.id()).json();
        assertThat(userAfter.get("roles")).isEqualTo(userBefore.get("roles"));
        assertThat(userAfter.get("is_active").asBoolean()).isTrue();
        assertThat(t.admin().get(bAccount + "/engagements").json().get("data").get(0).get("name").asString())
                .startsWith("Engagement of");
    }

    @Test
    void platformAdministratorManagesAccountsAndValidatesInput() {
        TestTenants t = tenants();
        String name = "Acme " + UUID.randomUUID();
        ApiClient.Response created = t.admin().post(ACCOUNTS, Map.of("name", "  " + name + "  "));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
        assertThat(t.admin().post(ACCOUNTS, Map.of("name", name.toUpperCase())).status()).isEqualTo(409);
        assertThat(t.admin().post(ACCOUNTS, Map.of("name", "   ")).status()).isEqualTo(422);
        assertThat(t.admin().post(ACCOUNTS, Map.of("name", "x".repeat(256))).status()).isEqualTo(422);
        assertThat(t.admin().post(ACCOUNTS, Map.of("name", "ok", "id", UUID.randomUUID().toString())).status()).isEqualTo(422);
        assertThat(t.admin().get(ACCOUNTS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(t.admin().get(ACCOUNTS + "/not-a-uuid").status()).isEqualTo(422);
        JsonNode page = t.admin().get(ACCOUNTS + "?page=1&page_size=2").json();
        assertThat(page.get("success").asBoolean()).isTrue();
        assertThat(page.get("data").size()).isEqualTo(2);
        assertThat(page.at("/metadata/pagination/page_size").asInt()).isEqualTo(2);
        assertThat(page.at("/metadata/pagination/has_next").asBoolean()).isTrue();
        assertThat(t.admin().get(ACCOUNTS + "?page_size=101").status()).isEqualTo(422);
        assertThat(t.admin().get(ACCOUNTS + "?page=0").status()).isEqualTo(422);
    }

    @Test
    void userCreationValidatesAndKeepsEmailsUnique() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("users");
        Map<String, Object> body = newUser(tenant.accountId());
        assertThat(t.admin().post("/api/v1/admin/users", body).status()).isEqualTo(201);
        Map<String, Object> duplicate = new LinkedHashMap<>(body);
        duplicate.put("email", body.get("email").toString().toUpperCase());
        assertThat(t.admin().post("/api/v1/admin/users", duplicate).status()).isEqualTo(409);
        Map<String, Object> shortPassword = newUser(tenant.accountId());
        shortPassword.put("password", "short");
        assertThat(t.admin().post("/api/v1/admin/users", shortPassword).status()).isEqualTo(422);
        Map<String, Object> badEmail = newUser(tenant.accountId());
        badEmail.put("email", "not-an-email");
        assertThat(t.admin().post("/api/v1/admin/users", badEmail).status()).isEqualTo(422);
        Map<String, Object> badRole = newUser(tenant.accountId());
        badRole.put("role", "owner");
        ApiClient.Response badRoleResponse = t.admin().post("/api/v1/admin/users", badRole);
        assertThat(badRoleResponse.status()).isEqualTo(422);
        assertThat(badRoleResponse.text()).contains("\"field\":\"role\"");
        ApiClient.Response created = t.admin().post("/api/v1/admin/users", newUser(tenant.accountId()));
        assertThat(created.text()).doesNotContain("password");
    }

    @Test
    void accountAdminsStayInsideTheirAccount() {
        TestTenants t = tenants();
        TestTenants.Tenant a = t.createTenant("inside-a");
        TestTenants.Tenant b = t.createTenant("inside-b");
        ApiClient admin = t.as(t.createUser(a, "admin"));
        ApiClient superAdmin = t.as(t.createUser(a, "super_admin"));
        TestTenants.User shared = t.createUser(a, "viewer");
        t.admin().put(ACCOUNTS + "/" + b.accountId() + "/users/" + shared.id(), Map.of("role", "contributor"));

        // An admin may not grant super_admin; a super_admin may.
        assertThat(admin.put(ACCOUNTS + "/" + a.accountId() + "/users/" + shared.id(), Map.of("role", "super_admin")).status())
                .isEqualTo(403);
        // A user who also belongs to tenant B cannot be deactivated by tenant A's admins.
        assertThat(superAdmin.post("/api/v1/admin/users/" + shared.id() + "/deactivate", null).status()).isEqualTo(403);
        // Tenant A's admins see the shared user's role in A only, nothing of B.
        JsonNode seen = admin.get("/api/v1/admin/users/" + shared.id()).json();
        assertThat(seen.get("roles").size()).isEqualTo(1);
        assertThat(seen.toString()).doesNotContain(b.accountId().toString());
        // The list of accounts shows only A.
        JsonNode accounts = admin.get(ACCOUNTS).json().get("data");
        assertThat(accounts.size()).isEqualTo(1);
        assertThat(accounts.get(0).get("id").asString()).isEqualTo(a.accountId().toString());
        assertThat(superAdmin.put(ACCOUNTS + "/" + a.accountId() + "/users/" + shared.id(), Map.of("role", "super_admin")).status())
                .isEqualTo(200);
        assertThat(admin.delete(ACCOUNTS + "/" + a.accountId() + "/users/" + shared.id()).status()).isEqualTo(403);
    }

    @Test
    void accountAdminsCannotPullInOtherTenantsUsersNorTouchPlatformAdministrators() {
        TestTenants t = tenants();
        TestTenants.Tenant acme = t.createTenant("pull-acme");
        TestTenants.User outsider = t.createUser(t.createTenant("pull-other"), "viewer");
        ApiClient acmeAdmin = t.as(t.createUser(acme, "super_admin"));
        String users = ACCOUNTS + "/" + acme.accountId() + "/users/";
        ApiClient.Response pulled = acmeAdmin.put(users + outsider.id(), Map.of("role", "contributor"));
        assertThat(pulled.status()).isEqualTo(404);
        assertThat(pulled.text()).doesNotContain(outsider.email());
        assertThat(acmeAdmin.get("/api/v1/admin/users/" + outsider.id()).status()).isEqualTo(404);
        assertThat(t.as(outsider).get("/api/v1/auth/me").json().get("client_accounts").size()).isEqualTo(1);

        String platformAdminId = t.admin().get("/api/v1/auth/me").json().at("/user/id").asString();
        assertThat(acmeAdmin.put(users + platformAdminId, Map.of("role", "viewer")).status()).isEqualTo(404);
        assertThat(acmeAdmin.delete(users + platformAdminId).status()).isEqualTo(404);
        // A platform administrator may bring an existing user into another account.
        assertThat(t.admin().put(users + outsider.id(), Map.of("role", "viewer")).status()).isEqualTo(200);
        assertThat(acmeAdmin.get("/api/v1/admin/users/" + outsider.id()).status()).isEqualTo(200);
    }

    @Test
    void passwordsAreBoundedByWhatBcryptReads() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("bcrypt");
        Map<String, Object> body = newUser(tenant.accountId());
        body.put("password", "p".repeat(73));
        ApiClient.Response tooLong = t.admin().post("/api/v1/admin/users", body);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text()).contains("72 bytes");
        body.put("password", "é".repeat(40));
        assertThat(t.admin().post("/api/v1/admin/users", body).status()).isEqualTo(422);
        ApiClient.Response login = api().post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", "p".repeat(500)));
        assertThat(login.status()).isEqualTo(401);
    }
}
