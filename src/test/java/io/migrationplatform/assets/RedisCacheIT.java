package io.migrationplatform.assets;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.support.ApiClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import io.migrationplatform.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import java.nio.file.Path;
import java.util.UUID;

/** With Redis configured, the summary cache lives in Redis, stays per tenant and is invalidated by writes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "spring.data.redis.host=127.0.0.1")
class RedisCacheIT {

    @LocalServerPort
    int port;

    /** A second application context lives beside the shared one of the API tests: it needs its own data directory. */
    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        Path dir = Path.of("target", "it-data", "redis-" + UUID.randomUUID());
        registry.add("migrate.data-dir", dir::toString);
    }

    @Autowired
    ScopedCache cache;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void summaryIsCachedInRedisPerScopeAndEvictedByWrites() {
        assertThat(cache.getClass().getSimpleName()).isEqualTo("RedisScopedCache");
        TestTenants t = new TestTenants(new ApiClient("http://localhost:" + port));
        TestTenants.Tenant a = t.createTenant("redis-a");
        TestTenants.Tenant b = t.createTenant("redis-b");
        ApiClient clientA = t.as(t.createUser(a, "admin"));
        ApiClient clientB = t.as(t.createUser(b, "admin"));
        create(clientA, asset("a1", "server", "prod"));
        assertThat(clientA.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(1);
        assertThat(clientB.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isZero();
        assertThat(redis.keys("mp:cache:" + a.accountId() + ":" + a.engagementId() + ":*")).isNotEmpty();
        create(clientA, asset("a2", "server", "prod"));
        assertThat(clientA.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isEqualTo(2);
        assertThat(clientB.get("/api/v1/assets/summary").json().get("total_assets").asLong()).isZero();
    }

    @Test
    void theLatestAnalysisRoundTripsThroughRedisAndIsEvictedByWrites() {
        TestTenants t = new TestTenants(new ApiClient("http://localhost:" + port));
        ApiClient client = t.as(t.createUser(t.createTenant("redis-analysis"), "admin"));
        String id = create(client, io.migrationplatform.support.AssetFixtures.with(asset("db", "database", "prod"), "database_type",
                "PostgreSQL 9.6")).get("id").asString();
        assertThat(client.post("/api/v1/assets/" + id + "/analyze", null).status()).isEqualTo(200);
        tools.jackson.databind.JsonNode first = client.get("/api/v1/assets/" + id + "/analysis").json();
        tools.jackson.databind.JsonNode cached = client.get("/api/v1/assets/" + id + "/analysis").json();
        assertThat(cached.get("data")).isEqualTo(first.get("data"));
        assertThat(cached.at("/data/lifecycle/database/end_of_life").asString()).isEqualTo("2021-11-11");
        assertThat(cached.at("/metadata/stale").asBoolean()).isFalse();
        assertThat(client.put("/api/v1/assets/" + id, java.util.Map.of("cpu_cores", 4)).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/assets/" + id + "/analysis").json().at("/metadata/stale").asBoolean()).isTrue();
    }
}
