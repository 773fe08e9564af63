package io.migrationplatform.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a subscriber sees while the shared inventory files are imported: a real WebSocket client on
 * the tenant's channel receives the discovery flow's updates in order, from pending through every
 * phase to completed, and ping/pong works alongside.
 */
class DiscoveryFlowLiveIT extends ApiIntegrationTest {

    @Test
    void aSubscriberFollowsEachDiscoveryFlowPhaseByPhase() throws Exception {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("discovery-live"), "super_admin");
        ApiClient client = t.as(user);
        try (LiveClient live = LiveClient.connect(LiveClient.url(port, user.tenant().accountId(), user.tenant().engagementId()),
                user.accessToken())) {
            for (String file : List.of("enterprise-cmdb-20.csv", "servicenow-style-18.csv", "assets-40-semicolon-deps.csv",
                    "nonstandard-headers-5.csv")) {
                byte[] content;
                try (InputStream in = DiscoveryFlowLiveIT.class.getResourceAsStream("/discovery/samples/" + file)) {
                    content = in.readAllBytes();
                }
                String importId = client.upload("/api/v1/discovery/imports", "file", file, content).json().get("id").asString();
                String flowId = client.post("/api/v1/discovery/imports/" + importId + "/execute", null).json().get("flow_id").asString();

                List<String> statuses = new ArrayList<>();
                Set<String> phases = new LinkedHashSet<>();
                JsonNode last = null;
                while (last == null || !last.at("/data/status").asString().matches("completed|failed")) {
                    last = live.next("flow_update", Duration.ofSeconds(30));
                    assertThat(last.get("flow_id").asString()).as("only this tenant's flow is running").isEqualTo(flowId);
                    statuses.add(last.at("/data/status").asString());
                    if (!last.at("/data/phase").isNull() && !last.at("/data/phase").isMissingNode()) {
                        phases.add(last.at("/data/phase").asString());
                    }
                }
                assertThat(statuses.get(0)).as(file).isEqualTo("pending");
                assertThat(statuses).as(file).contains("running");
                assertThat(statuses.get(statuses.size() - 1)).as(file).isEqualTo("completed");
                assertThat(List.copyOf(phases)).as(file).containsExactly("data_validation", "field_mapping", "data_cleansing",
                        "asset_inventory", "dependency_mapping");
                assertThat(last.at("/data/progress").asInt()).isEqualTo(100);
                assertThat(last.at("/data/flow_type").asString()).isEqualTo("discovery");
                assertThat(last.at("/data/result/rows").asInt()).isPositive();
            }
            live.send("{\"type\": \"ping\"}");
            assertThat(live.next("pong", Duration.ofSeconds(5)).get("type").asString()).isEqualTo("pong");
        }
    }
}
