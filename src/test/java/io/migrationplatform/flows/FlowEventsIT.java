package io.migrationplatform.flows;

import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.WAIT;
import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.publish;
import static io.migrationplatform.flows.FlowUpdatesWebSocketIT.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/flows/{flow_id}/events}: server-sent events of one flow, read with the JDK's HTTP client. */
class FlowEventsIT extends ApiIntegrationTest {

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private TestTenants.User viewer;
    private ApiClient engine;

    @BeforeEach
    void tenant() {
        t = tenants();
        tenant = t.createTenant("sse");
        viewer = t.createUser(tenant, "viewer");
        engine = t.as(t.createUser(tenant, "contributor"));
    }

    private String url(UUID flowId) {
        return "http://localhost:" + port + "/api/v1/flows/" + flowId + "/events";
    }

    private EventStream open(UUID flowId, TestTenants.User user) {
        return EventStream.open(url(flowId), Map.of("Authorization", "Bearer " + user.accessToken()));
    }

    /** A flow known to the (test) engine, not yet published. */
    private UUID existingFlow(ApiClient as, Map<String, Object> state) {
        Map<String, Object> body = new LinkedHashMap<>();
        UUID flowId = UUID.randomUUID();
        body.put("flow_id", flowId);
        body.put("data", state);
        body.put("publish", false);
        assertThat(as.post("/api/v1/test-support/flow-updates", body).status()).isEqualTo(202);
        return flowId;
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        try (EventStream stream = EventStream.open(url(UUID.randomUUID()), Map.of())) {
            assertThat(stream.status()).isEqualTo(401);
            assertThat(stream.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(stream.body()).contains("\"status_code\":401");
        }
    }

    @Test
    void anUnknownFlowIs404InTheErrorEnvelope() {
        try (EventStream stream = open(UUID.randomUUID(), viewer)) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.header("Content-Type")).startsWith("application/json");
            assertThat(stream.body()).contains("\"status_code\":404").contains("Flow not found");
        }
    }

    @Test
    void anotherTenantsFlowIs404() {
        TestTenants.Tenant other = t.createTenant("sse-other");
        UUID theirs = existingFlow(t.as(t.createUser(other, "admin")), state("running", "data_validation", 5));
        try (EventStream stream = open(theirs, viewer)) {
            assertThat(stream.status()).isEqualTo(404);
        }
        // and asking with the other tenant's headers is refused before any flow is looked at
        try (EventStream stream = EventStream.open(url(theirs), Map.of("Authorization", "Bearer " + viewer.accessToken(),
                "X-Client-Account-ID", other.accountId().toString()))) {
            assertThat(stream.status()).isEqualTo(403);
        }
    }

    @Test
    void theFirstEventIsTheSnapshotThenEveryUpdateOfThatFlow() {
        UUID flowId = existingFlow(engine, state("pending", "data_validation", 0));
        try (EventStream stream = open(flowId, viewer)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            EventStream.Event first = stream.next(WAIT);
            assertThat(first.name()).isEqualTo("flow_update");
            JsonNode snapshot = first.json();
            assertThat(snapshot.get("type").asString()).isEqualTo("flow_update");
            assertThat(snapshot.get("flow_id").asString()).isEqualTo(flowId.toString());
            assertThat(snapshot.get("data").get("status").asString()).isEqualTo("pending");
            assertThat(snapshot.get("timestamp").asString()).isNotBlank();

            publish(engine, UUID.randomUUID(), state("running", "field_mapping", 30)); // another flow of the scope
            publish(engine, flowId, state("running", "field_mapping", 50));
            JsonNode update = stream.next(WAIT).json();
            assertThat(update.get("flow_id").asString()).isEqualTo(flowId.toString());
            assertThat(update.get("data").get("progress").asInt()).isEqualTo(50);
            publish(engine, flowId, state("completed", "dependency_mapping", 100));
            assertThat(stream.next(WAIT).json().get("data").get("status").asString()).isEqualTo("completed");
        }
    }

    @Test
    void heartbeatsAreCommentLines() {
        UUID flowId = existingFlow(engine, state("running", "data_validation", 1));
        try (EventStream stream = open(flowId, viewer)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextComment(Duration.ofSeconds(15)).comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void theStreamEndsWhenTheUserIsDeactivated() {
        UUID flowId = existingFlow(engine, state("running", "data_validation", 1));
        try (EventStream stream = open(flowId, viewer)) {
            stream.next(WAIT);
            assertThat(t.admin().post("/api/v1/admin/users/" + viewer.id() + "/deactivate", null).status()).isEqualTo(200);
            assertThat(stream.ends(Duration.ofSeconds(20))).isTrue();
        }
    }

    /** A user holds at most migrate.live.max-connections-per-user (20) live connections; the next one is 429 on either transport. */
    @Test
    void aUserBeyondTheLiveConnectionLimitIsRefusedWith429() {
        UUID flowId = existingFlow(engine, state("running", "data_validation", 5));
        List<EventStream> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                EventStream stream = open(flowId, viewer);
                held.add(stream);
                assertThat(stream.status()).as("stream " + (i + 1)).isEqualTo(200);
            }
            try (EventStream refused = open(flowId, viewer)) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.body()).contains("\"status_code\":429").contains("at most 20");
            }
            String ws = LiveClient.url(port, tenant.accountId(), tenant.engagementId());
            assertThat(LiveClient.refusedStatus(ws, Map.of("Authorization", "Bearer " + viewer.accessToken()))).isEqualTo(429);
            TestTenants.User other = t.createUser(tenant, "viewer");
            try (EventStream theirs = open(flowId, other)) {
                assertThat(theirs.status()).as("another user of the same tenant").isEqualTo(200);
            }
            // A stream the client closes frees its place at once, not at the next heartbeat: the server only learns
            // of the close by writing, so a user at the limit has their connections probed before a refusal.
            // (A user is probed at most twice a second, and the refusals above have just probed: retried for 1.5 s,
            // shorter than the two heartbeats, 2 s apart here, that would free it without the probe.)
            held.remove(0).close();
            Integer status = Polling.until(() -> {
                try (EventStream again = open(flowId, viewer)) {
                    return again.status();
                }
            }, s -> s == 200, Duration.ofMillis(1500), "a place freed by a closed stream");
            assertThat(status).isEqualTo(200);
        } finally {
            held.forEach(EventStream::close);
        }
    }
}
