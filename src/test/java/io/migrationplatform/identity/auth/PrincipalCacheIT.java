package io.migrationplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.migrationplatform.identity.IdentityChanges;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.CountingDataSource;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Principals are cached, and a change to identity data is never served stale: made through this instance it
 * acts on the next request; made anywhere else (another instance, an operator's SQL) it arrives through
 * PostgreSQL's announcement within moments, far sooner than the cache's 30 s lifetime.
 */
class PrincipalCacheIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    IdentityChanges changes;

    private final AtomicInteger statements = new AtomicInteger();
    private TestTenants.User user;
    private UUID sessionId;

    @BeforeEach
    void user() throws Exception {
        TestTenants t = tenants();
        user = t.createUser(t.createTenant("principal-cache"), "viewer");
        sessionId = UUID.fromString(SignedJWT.parse(user.accessToken()).getJWTClaimsSet().getStringClaim("sid"));
    }

    @Test
    void aChangeMadeOutsideThisInstanceIsHeardWithinMoments() {
        ApiClient client = api().withToken(user.accessToken());
        assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(200);
        // As an operator or another instance would: straight into the database, without this instance knowing.
        JdbcClient.create(dataSource).sql("UPDATE users SET is_active = false WHERE id = :id").param("id", user.id()).update();
        int status = Polling.until(() -> client.get("/api/v1/auth/me").status(), s -> s == 401, Duration.ofSeconds(5),
                "the deactivation to be heard");
        assertThat(status).isEqualTo(401);
    }

    @Test
    void aSessionRevokedOutsideThisInstanceIsHeardToo() {
        ApiClient client = api().withToken(user.accessToken());
        assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(200);
        JdbcClient.create(dataSource).sql("UPDATE auth_sessions SET revoked_at = now() WHERE id = :id").param("id", sessionId).update();
        int status = Polling.until(() -> client.get("/api/v1/auth/me").status(), s -> s == 401, Duration.ofSeconds(5),
                "the revocation to be heard");
        assertThat(status).isEqualTo(401);
    }

    @Test
    void loginsAndRefreshesDoNotEmptyTheCache() throws Exception {
        Polling.until(changes::cachingAllowed, allowed -> allowed, Duration.ofSeconds(5), "the listener to be listening");
        long generation = changes.generation();
        TestTenants t = tenants();
        t.login(user.email(), user.password());
        api().post("/api/v1/auth/refresh", java.util.Map.of("refresh_token", user.refreshToken()));
        Thread.sleep(300); // what PostgreSQL would announce has arrived by now
        assertThat(changes.generation()).isEqualTo(generation);
    }

    @Test
    void aCachedPrincipalCostsNoQueryUntilIdentityDataChanges() {
        Polling.until(changes::cachingAllowed, allowed -> allowed, Duration.ofSeconds(5), "the listener to be listening");
        PrincipalCache cache = new PrincipalCache(new AuthRepository(JdbcClient.create(counting()), changes), changes,
                Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(cache.find(user.id(), sessionId)).isPresent();
        }
        assertThat(statements.get()).isEqualTo(1);
        changes.changed();
        assertThat(cache.find(user.id(), sessionId)).isPresent();
        assertThat(statements.get()).isEqualTo(2);
        changes.announced();
        assertThat(cache.find(user.id(), sessionId)).isPresent();
        assertThat(statements.get()).isEqualTo(3);
    }

    @Test
    void withoutTheAnnouncementChannelNothingIsCached() {
        IdentityChanges deaf = new IdentityChanges(); // never told that announcements reach it
        PrincipalCache cache = new PrincipalCache(new AuthRepository(JdbcClient.create(counting()), deaf), deaf,
                Duration.ofSeconds(30));
        cache.find(user.id(), sessionId);
        cache.find(user.id(), sessionId);
        assertThat(statements.get()).isEqualTo(2);
    }

    private DataSource counting() {
        return CountingDataSource.wrap(dataSource, statements);
    }
}
