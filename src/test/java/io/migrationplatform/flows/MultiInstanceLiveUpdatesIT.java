package io.migrationplatform.flows;

import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.WAIT;
import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.publish;
import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.TestTenants;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of the application in one JVM, sharing PostgreSQL (instance A's) and Redis, as two
 * nodes behind a load balancer: an update published on one reaches the subscribers of the other,
 * exactly once, and the publishing instance's own subscribers get it once too (not again via Redis).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.data.redis.host=127.0.0.1",
        "migrate.auth.jwt-secret=" + MultiInstanceLiveUpdatesIT.SECRET})
@ActiveProfiles("test")
class MultiInstanceLiveUpdatesIT {

    /** Both instances verify each other's tokens, as every instance behind a load balancer must. */
    static final String SECRET = "multi-instance-live-updates-test-secret-0123456789";
    /** This run's own channel, so test runs sharing the machine's Redis never see each other's updates. */
    private static final String CHANNEL = "mp:flow-updates:it-" + UUID.randomUUID();

    private static ConfigurableApplicationContext instanceB;
    private static int portB;

    @DynamicPropertySource
    static void ownDataDirectoryAndChannel(DynamicPropertyRegistry registry) {
        Path dir = Path.of("target", "it-data", "live-a-" + UUID.randomUUID());
        registry.add("migrate.data-dir", dir::toString);
        registry.add("migrate.live.redis-channel", () -> CHANNEL);
    }

    @LocalServerPort
    int portA;

    @Autowired
    DataSource dataSource;

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private TestTenants.User viewer;
    private String engineToken;

    @BeforeEach
    void instances() {
        if (instanceB == null) {
            HikariDataSource shared = (HikariDataSource) dataSource;
            Path dir = Path.of("target", "it-data", "live-b-" + UUID.randomUUID());
            // Command-line arguments: above the environment, so B uses A's database in every test pass.
            instanceB = new SpringApplicationBuilder(MigrationPlatformApplication.class).profiles("test").run(
                    "--server.port=0",
                    "--migrate.data-dir=" + dir,
                    "--spring.datasource.url=" + shared.getJdbcUrl(),
                    "--spring.datasource.username=" + shared.getUsername(),
                    "--spring.datasource.password=" + (shared.getPassword() == null ? "" : shared.getPassword()),
                    "--spring.data.redis.host=127.0.0.1",
                    "--migrate.auth.jwt-secret=" + SECRET,
                    "--migrate.live.redis-channel=" + CHANNEL);
            portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
        }
        t = new TestTenants(new ApiClient("http://localhost:" + portA));
        tenant = t.createTenant("multi");
        viewer = t.createUser(tenant, "viewer");
        engineToken = t.createUser(tenant, "contributor").accessToken();
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    private ApiClient engineOn(int port) {
        return new ApiClient("http://localhost:" + port).withToken(engineToken);
    }

    private LiveClient subscribeOn(int port) {
        return LiveClient.connect(LiveClient.url(port, tenant.accountId(), tenant.engagementId()), viewer.accessToken());
    }

    /** The next message is the update, and the one after it the answer to a ping: the update came once. */
    private static void receivedOnce(LiveClient client, UUID flowId) {
        assertThat(client.next(WAIT).get("flow_id").asString()).isEqualTo(flowId.toString());
        client.send("{\"type\": \"ping\"}");
        assertThat(client.next(WAIT).get("type").asString()).isEqualTo("pong");
    }

    @Test
    void anUpdatePublishedOnOneInstanceReachesTheSubscribersOfBothOnce() {
        try (LiveClient onA = subscribeOn(portA); LiveClient onB = subscribeOn(portB)) {
            UUID fromB = publish(engineOn(portB), UUID.randomUUID(), state("running", "field_mapping", 25));
            receivedOnce(onA, fromB);
            receivedOnce(onB, fromB);
            UUID fromA = publish(engineOn(portA), UUID.randomUUID(), state("running", "data_cleansing", 60));
            receivedOnce(onA, fromA);
            receivedOnce(onB, fromA);
        }
    }

    @Test
    void anotherTenantsSubscriberOnTheOtherInstanceReceivesNothing() {
        TestTenants.Tenant other = t.createTenant("multi-other");
        TestTenants.User otherViewer = t.createUser(other, "viewer");
        try (LiveClient foreign = LiveClient.connect(LiveClient.url(portA, other.accountId(), other.engagementId()),
                otherViewer.accessToken()); LiveClient own = subscribeOn(portA)) {
            UUID flowId = publish(engineOn(portB), UUID.randomUUID(), state("running", "field_mapping", 25));
            receivedOnce(own, flowId);
            foreign.send("{\"type\": \"ping\"}");
            assertThat(foreign.next(WAIT).get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void anSseStreamOnOneInstanceFollowsAFlowRunningOnTheOther() {
        UUID flowId = UUID.randomUUID();
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("flow_id", flowId);
        known.put("data", state("pending", "data_validation", 0));
        known.put("publish", false);
        assertThat(engineOn(portA).post("/api/v1/test-support/flow-updates", known).status()).isEqualTo(202);
        try (EventStream stream = EventStream.open("http://localhost:" + portA + "/api/v1/flows/" + flowId + "/events",
                Map.of("Authorization", "Bearer " + viewer.accessToken()))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(WAIT).json().get("data").get("status").asString()).isEqualTo("pending");
            publish(engineOn(portB), flowId, state("running", "field_mapping", 40));
            assertThat(stream.next(WAIT).json().get("data").get("progress").asInt()).isEqualTo(40);
        }
    }

    @Test
    void aRealFlowStartedOnOneInstanceIsFollowedLiveOnTheOther() {
        TestTenants.User owner = t.createUser(tenant, "super_admin");
        try (LiveClient onA = subscribeOn(portA)) {
            String flowId = new ApiClient("http://localhost:" + portB).withToken(owner.accessToken())
                    .post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "on B", "configuration", Map.of("steps", 5)))
                    .json().get("id").asString();
            String status = "";
            while (!status.equals("completed")) {
                tools.jackson.databind.JsonNode update = onA.next("flow_update", WAIT);
                assertThat(update.get("flow_id").asString()).isEqualTo(flowId);
                status = update.at("/data/status").asString();
            }
        }
    }
}
