package io.migrationplatform.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The WebSocket endpoint over a real connection: what a subscriber receives, and what it may send. */
class FlowUpdatesWebSocketIT extends ApiIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private TestTenants.User viewer;
    private ApiClient engine;

    @BeforeEach
    void tenant() {
        t = tenants();
        tenant = t.createTenant("live");
        viewer = t.createUser(tenant, "viewer");
        engine = t.as(t.createUser(tenant, "contributor"));
    }

    static Map<String, Object> state(String status, String phase, int progress) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status);
        data.put("phase", phase);
        data.put("progress", progress);
        data.put("flow_type", "discovery");
        return data;
    }

    /** Publishes an update as the flow engine of the client's scope (test-only endpoint). */
    static UUID publish(ApiClient client, UUID flowId, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flow_id", flowId);
        body.put("data", data);
        ApiClient.Response response = client.post("/api/v1/test-support/flow-updates", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return flowId;
    }

    private LiveClient connect(TestTenants.User user) {
        return LiveClient.connect(LiveClient.url(port, user.tenant().accountId(), user.tenant().engagementId()), user.accessToken());
    }

    @Test
    void aSubscriberReceivesTheUpdatesOfItsScopeAsTheSeedShapesThem() {
        try (LiveClient client = connect(viewer)) {
            UUID flowId = publish(engine, UUID.randomUUID(), state("running", "field_mapping", 40));
            JsonNode message = client.next("flow_update", WAIT);
            assertThat(message.get("flow_id").asString()).isEqualTo(flowId.toString());
            assertThat(message.get("data").get("status").asString()).isEqualTo("running");
            assertThat(message.get("data").get("phase").asString()).isEqualTo("field_mapping");
            assertThat(message.get("data").get("progress").asInt()).isEqualTo(40);
            assertThat(message.get("data").get("flow_type").asString()).isEqualTo("discovery");
            assertThat(Instant.parse(message.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void updatesOfAnotherTenantOrAnotherEngagementAreNeverReceived() {
        TestTenants.Tenant other = t.createTenant("live-other");
        TestTenants.User otherViewer = t.createUser(other, "viewer");
        ApiClient otherEngine = t.as(t.createUser(other, "admin"));
        UUID secondEngagement = t.addEngagement(tenant, "second");
        ApiClient engineInSecondEngagement = engine.withHeader("X-Engagement-ID", secondEngagement.toString());
        try (LiveClient mine = connect(viewer); LiveClient theirs = connect(otherViewer)) {
            UUID foreign = publish(otherEngine, UUID.randomUUID(), state("running", "data_validation", 10));
            publish(engineInSecondEngagement, UUID.randomUUID(), state("running", "data_validation", 20));
            UUID own = publish(engine, UUID.randomUUID(), state("completed", "dependency_mapping", 100));
            // One fan-out thread keeps publication order: had the others been delivered, they would come first.
            assertThat(mine.next(WAIT).get("flow_id").asString()).isEqualTo(own.toString());
            assertThat(theirs.next(WAIT).get("flow_id").asString()).isEqualTo(foreign.toString());
            // ... and nothing came after them: the next message of each is the answer to its ping.
            mine.send("{\"type\": \"ping\"}");
            theirs.send("{\"type\": \"ping\"}");
            assertThat(mine.next(WAIT).get("type").asString()).isEqualTo("pong");
            assertThat(theirs.next(WAIT).get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (LiveClient client = connect(viewer)) {
            client.send("{\"type\": \"ping\"}");
            JsonNode pong = client.next(WAIT);
            assertThat(pong.get("type").asString()).isEqualTo("pong");
            assertThat(Instant.parse(pong.get("timestamp").asString())).isNotNull();
        }
    }

    @Test
    void anythingElseIsAnsweredWithAnErrorAndTheSessionStaysOpen() {
        try (LiveClient client = connect(viewer)) {
            client.send("garbage");
            JsonNode error = client.next(WAIT);
            assertThat(error.get("type").asString()).isEqualTo("error");
            assertThat(error.get("message").asString()).contains("Malformed JSON");
            client.send("{\"type\": \"subscribe\", \"client_account_id\": \"" + UUID.randomUUID() + "\"}");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("error");
            client.send("[1, 2]");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("error");
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.next(WAIT).get("message").asString()).contains("Binary");
            client.send("{\"type\": \"ping\"}");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("pong");
            UUID flowId = publish(engine, UUID.randomUUID(), state("running", "field_mapping", 50));
            assertThat(client.next("flow_update", WAIT).get("flow_id").asString()).isEqualTo(flowId.toString());
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void theTokenMayComeInTheAuthorizationHeader() {
        String url = LiveClient.url(port, tenant.accountId(), tenant.engagementId());
        try (LiveClient client = LiveClient.connect(url, Map.of("Authorization", "Bearer " + viewer.accessToken()))) {
            client.send("{\"type\": \"ping\"}");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("pong");
        }
    }

    @Test
    void anOversizedMessageClosesTheSessionWith1009() {
        try (LiveClient client = connect(viewer)) {
            client.send("{\"type\": \"ping\", \"padding\": \"" + "x".repeat(64 * 1024) + "\"}");
            assertThat(client.closed(WAIT).code()).isEqualTo(1009);
        }
    }

    @Test
    void deactivatingTheUserClosesTheSessionWith1008OnItsNextMessage() {
        try (LiveClient client = connect(viewer)) {
            client.send("{\"type\": \"ping\"}");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("pong");
            assertThat(t.admin().post("/api/v1/admin/users/" + viewer.id() + "/deactivate", null).status()).isEqualTo(200);
            client.send("{\"type\": \"ping\"}");
            assertThat(client.closed(WAIT).code()).isEqualTo(1008);
        }
    }

    @Test
    void revokingTheRoleClosesTheSessionWith1008AtTheNextHeartbeat() {
        try (LiveClient client = connect(viewer)) {
            client.send("{\"type\": \"ping\"}");
            assertThat(client.next(WAIT).get("type").asString()).isEqualTo("pong");
            ApiClient.Response revoked = t.admin().delete("/api/v1/admin/client-accounts/" + tenant.accountId() + "/users/" + viewer.id());
            assertThat(revoked.status()).as(revoked.toString()).isBetween(200, 204);
            // No message from the client: the heartbeat (2 s in the test profile) re-checks access.
            assertThat(client.closed(Duration.ofSeconds(20)).code()).isEqualTo(1008);
        }
    }
}
