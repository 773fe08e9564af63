package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expensive operations are limited per user: a burst of 30 uploads a minute, then 429 with Retry-After. */
class RateLimitIT extends ApiIntegrationTest {

    private static final byte[] CSV = "name,environment\nweb-01,prod\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void theThirtyFirstUploadOfAMinuteWaitsAndOtherUsersDoNot() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("rate-limit");
        ApiClient busy = t.as(t.createUser(tenant, "contributor"));
        ApiClient other = t.as(t.createUser(tenant, "contributor"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));

        for (int i = 0; i < 30; i++) {
            assertThat(busy.upload("/api/v1/discovery/imports", "file", "inventory.csv", CSV).status()).isEqualTo(201);
        }
        ApiClient.Response refused = busy.upload("/api/v1/discovery/imports", "file", "inventory.csv", CSV);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.json().at("/error/message").asString()).contains("at most 30 a minute per user");
        assertThat(refused.json().at("/error/details/retry_after_seconds").asLong()).isBetween(1L, 2L);

        assertThat(other.upload("/api/v1/discovery/imports", "file", "inventory.csv", CSV).status()).isEqualTo(201);
        // Refused for its permission first: a viewer's attempts cost it nothing and say why.
        for (int i = 0; i < 35; i++) {
            assertThat(viewer.upload("/api/v1/discovery/imports", "file", "inventory.csv", CSV).status()).isEqualTo(403);
        }
        // The permission is checked before a multipart body is parsed (one of too many parts would be 413 otherwise),
        // so a viewer cannot make the instance spool uploads.
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            parts.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nx\r\n");
        }
        ApiClient.Response unparsed = viewer.send("POST", "/api/v1/discovery/imports", parts + "--b--\r\n",
                "multipart/form-data; boundary=b");
        assertThat(unparsed.status()).as(unparsed.toString()).isEqualTo(403);
        // Reads are not limited.
        assertThat(busy.get("/api/v1/discovery/imports").status()).isEqualTo(200);
    }
}
