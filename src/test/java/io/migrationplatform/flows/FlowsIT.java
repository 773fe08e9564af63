package io.migrationplatform.flows;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Flows over real HTTP: the state machine's every transition, legal and illegal, phases, roles and tenancy. */
class FlowsIT extends ApiIntegrationTest {

    @Test
    void anAssessmentRunsAsAFlowWithItsPhases() {
        ApiClient client = owner("flows-assessment");
        create(client, asset("a", "server", "prod"));
        create(client, asset("b", "database", "prod"));
        ApiClient.Response started = client.post("/api/v1/flows", Map.of("flow_type", "assessment", "name", "All prod",
                "configuration", Map.of("filters", Map.of("environment", "prod"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String flowId = started.json().get("id").asString();
        assertThat(started.json().get("status").asString()).isIn("pending", "running", "completed");

        JsonNode flow = await(client, flowId, "completed");
        assertThat(flow.get("flow_type").asString()).isEqualTo("assessment");
        assertThat(flow.get("progress").asInt()).isEqualTo(100);
        assertThat(names(flow.get("phases"))).containsExactly("asset_selection", "analysis", "summary");
        for (JsonNode phase : flow.get("phases")) {
            assertThat(phase.get("status").asString()).isEqualTo("completed");
            assertThat(phase.get("started_at").isNull()).isFalse();
            assertThat(phase.get("finished_at").isNull()).isFalse();
        }
        assertThat(flow.at("/phases/0/counts/selected").asInt()).isEqualTo(2);
        assertThat(flow.at("/result/assessed").asInt()).isEqualTo(2);
        String assessmentId = flow.at("/result/assessment_id").asString();
        JsonNode assessment = client.get("/api/v1/assessments/" + assessmentId).json();
        assertThat(assessment.get("status").asString()).isEqualTo("completed");
        assertThat(assessment.get("flow_id").asString()).isEqualTo(flowId);
        assertThat(flow.get("allowed_actions").toString()).isEqualTo("[\"delete\"]");
    }

    @Test
    void aDiscoveryImportRunsAsAFlowAndTheImportShowsTheFlowsState() throws Exception {
        ApiClient client = owner("flows-discovery");
        byte[] csv;
        try (var in = FlowsIT.class.getResourceAsStream("/discovery/samples/enterprise-cmdb-20.csv")) {
            csv = in.readAllBytes();
        }
        String importId = client.upload("/api/v1/discovery/imports", "file", "enterprise-cmdb-20.csv", csv).json().get("id").asString();
        ApiClient.Response started = client.post("/api/v1/discovery/imports/" + importId + "/execute", null);
        assertThat(started.status()).isEqualTo(202);
        String flowId = started.json().get("flow_id").asString();
        JsonNode flow = await(client, flowId, "completed");
        assertThat(flow.get("flow_type").asString()).isEqualTo("discovery");
        assertThat(flow.get("name").asString()).isEqualTo("Import enterprise-cmdb-20.csv");
        assertThat(names(flow.get("phases"))).containsExactly("data_validation", "field_mapping", "data_cleansing", "asset_inventory",
                "dependency_mapping");
        assertThat(flow.at("/phases/3/counts/created").asInt()).isEqualTo(20);
        assertThat(flow.at("/result/assets_created").asInt()).isEqualTo(20);
        JsonNode imported = client.get("/api/v1/discovery/imports/" + importId).json();
        assertThat(imported.get("status").asString()).isEqualTo("completed");
        assertThat(imported.get("flow_id").asString()).isEqualTo(flowId);
        assertThat(imported.at("/result/assets_created").asInt()).isEqualTo(20);
        assertThat(imported.at("/phases/4/status").asString()).isEqualTo("completed");

        ApiClient.Response viaFlows = client.post("/api/v1/flows", Map.of("flow_type", "discovery", "configuration", Map.of("import_id", importId)));
        assertThat(viaFlows.status()).isEqualTo(202);
        JsonNode again = await(client, viaFlows.json().get("id").asString(), "completed");
        assertThat(again.at("/result/assets_unchanged").asInt()).as("running an import again changes nothing").isEqualTo(20);
        assertThat(client.post("/api/v1/flows", Map.of("flow_type", "discovery", "configuration", Map.of("import_id", "nope"))).status())
                .isEqualTo(422);

        // The audit trail's actor and request id come from the server, never from a client's configuration.
        ApiClient.Response forged = client.post("/api/v1/flows", Map.of("flow_type", "discovery", "configuration",
                Map.of("import_id", importId, "actor_email", "someone-else@example.com", "request_id", "forged-request")));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.text()).contains("configuration.actor_email").contains("configuration.request_id");
    }

    @Test
    void pauseTakesEffectAtTheNextCheckpointAndResumeFinishes() {
        ApiClient client = owner("flows-pause");
        String flowId = client.post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "steps")).json().get("id").asString();
        awaitPhase(client, flowId, "work");
        JsonNode paused = client.post("/api/v1/flows/" + flowId + "/pause", null).json();
        assertThat(paused.get("status").asString()).isEqualTo("paused");
        JsonNode settled = Polling.until(() -> client.get("/api/v1/flows/" + flowId).json(),
                json -> json.at("/phases/1/status").asString().equals("pending"), Duration.ofSeconds(20), "paused phase");
        assertThat(settled.get("status").asString()).isEqualTo("paused");
        assertThat(settled.at("/phases/0/status").asString()).isEqualTo("completed");
        assertThat(settled.get("allowed_actions").toString()).isEqualTo("[\"resume\",\"cancel\"]");
        assertThat(client.post("/api/v1/flows/" + flowId + "/pause", null).status()).isEqualTo(409);

        assertThat(client.post("/api/v1/flows/" + flowId + "/resume", null).status()).isEqualTo(200);
        JsonNode done = await(client, flowId, "completed");
        assertThat(done.at("/result/steps").asInt()).isEqualTo(200);
        assertThat(done.at("/phases/1/counts/steps").asInt()).isEqualTo(200);
        assertThat(TestFlowHandlers.EXECUTIONS.get(flowId).get()).isEqualTo(2);
    }

    @Test
    void cancelStopsTheWorkAndEveryIllegalTransitionIsA409NamingTheAllowedActions() {
        ApiClient client = owner("flows-cancel");
        String flowId = client.post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "steps")).json().get("id").asString();
        awaitPhase(client, flowId, "work");
        JsonNode cancelled = client.post("/api/v1/flows/" + flowId + "/cancel", null).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        JsonNode settled = Polling.until(() -> client.get("/api/v1/flows/" + flowId).json(),
                json -> json.at("/phases/1/status").asString().equals("cancelled"), Duration.ofSeconds(20), "cancelled phase");
        assertThat(settled.at("/phases/2/status").asString()).isEqualTo("cancelled");
        assertThat(settled.at("/phases/1/progress").asInt()).isLessThan(100);
        assertThat(TestFlowHandlers.FINISHED.get(flowId)).as("the handler hears of a client's cancel once").containsExactly("cancelled");

        for (String action : List.of("pause", "resume", "cancel", "retry")) {
            ApiClient.Response refused = client.post("/api/v1/flows/" + flowId + "/" + action, null);
            assertThat(refused.status()).as(action).isEqualTo(409);
            assertThat(refused.json().at("/error/details/current_status").asString()).isEqualTo("cancelled");
            assertThat(refused.json().at("/error/details/allowed_actions").toString()).isEqualTo("[\"delete\"]");
            assertThat(refused.json().at("/error/message").asString()).startsWith("Cannot " + action + " a flow that is cancelled");
        }
        String running = client.post("/api/v1/flows", Map.of("flow_type", "test.steps", "name", "steps 2")).json().get("id").asString();
        awaitPhase(client, running, "work");
        for (String action : List.of("resume", "retry")) {
            assertThat(client.post("/api/v1/flows/" + running + "/" + action, null).status()).as(action).isEqualTo(409);
        }
        assertThat(client.delete("/api/v1/flows/" + running).status()).isEqualTo(409);
        client.post("/api/v1/flows/" + running + "/cancel", null);

        assertThat(client.delete("/api/v1/flows/" + flowId).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/flows/" + flowId).status()).isEqualTo(404);
    }

    @Test
    void aFailedFlowSaysWhereAndRetriesFromTheFailedPhase() {
        ApiClient client = owner("flows-retry");
        String flowId = client.post("/api/v1/flows", Map.of("flow_type", "test.fail-once")).json().get("id").asString();
        JsonNode failed = await(client, flowId, "failed");
        assertThat(failed.get("error").asString()).contains("failed unexpectedly").doesNotContain("disk full");
        assertThat(failed.at("/phases/0/status").asString()).isEqualTo("completed");
        assertThat(failed.at("/phases/1/status").asString()).isEqualTo("failed");
        assertThat(failed.at("/phases/1/error").asString()).isEqualTo(failed.get("error").asString());
        assertThat(failed.get("allowed_actions").toString()).isEqualTo("[\"retry\",\"delete\"]");

        assertThat(client.post("/api/v1/flows/" + flowId + "/retry", null).status()).isEqualTo(200);
        JsonNode done = await(client, flowId, "completed");
        assertThat(done.at("/result/executions").asInt()).isEqualTo(2);
        assertThat(TestFlowHandlers.FINISHED.get(flowId)).as("told of each end, the failure and the retry's completion")
                .containsExactly("failed", "completed");
        assertThat(done.get("error").isNull()).isTrue();
        assertThat(done.at("/phases/1/status").asString()).isEqualTo("completed");
    }

    @Test
    void badRequestsRolesAndTenancy() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("flows-access");
        ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        ApiClient stranger = owner("flows-stranger");
        assertThat(owner.post("/api/v1/flows", Map.of("name", "x")).status()).isEqualTo(422);
        assertThat(owner.post("/api/v1/flows", Map.of("flow_type", "teleport")).status()).isEqualTo(422);
        assertThat(owner.post("/api/v1/flows", Map.of("flow_type", "assessment", "configuration", Map.of("asset_ids", "x"))).status())
                .isEqualTo(422);
        assertThat(owner.get("/api/v1/flows?status=sleeping").status()).isEqualTo(422);
        assertThat(viewer.post("/api/v1/flows", Map.of("flow_type", "test.steps")).status()).isEqualTo(403);

        String flowId = owner.post("/api/v1/flows", Map.of("flow_type", "test.steps", "configuration", Map.of("steps", 2)))
                .json().get("id").asString();
        await(owner, flowId, "completed");
        assertThat(viewer.get("/api/v1/flows/" + flowId).status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/flows/" + flowId + "/retry", null).status()).isEqualTo(403);
        assertThat(viewer.delete("/api/v1/flows/" + flowId).status()).isEqualTo(403);
        for (String action : List.of("pause", "resume", "cancel", "retry")) {
            assertThat(stranger.post("/api/v1/flows/" + flowId + "/" + action, null).status()).as(action).isEqualTo(404);
        }
        assertThat(stranger.get("/api/v1/flows/" + flowId).status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/flows/" + flowId).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/flows").json().at("/metadata/pagination/total").asInt()).isZero();
        assertThat(api().get("/api/v1/flows/" + flowId).status()).isEqualTo(401);

        JsonNode list = owner.get("/api/v1/flows?flow_type=test.steps&status=completed").json();
        assertThat(list.at("/metadata/pagination/total").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/v1/flows?flow_type=assessment").json().at("/metadata/pagination/total").asInt()).isZero();
    }

    private ApiClient owner(String prefix) {
        TestTenants t = tenants();
        return t.as(t.createUser(t.createTenant(prefix), "super_admin"));
    }

    static JsonNode await(ApiClient client, String flowId, String status) {
        return Polling.until(() -> client.get("/api/v1/flows/" + flowId).json(),
                json -> json.get("status").asString().equals(status), Duration.ofSeconds(60), "flow " + status);
    }

    private static void awaitPhase(ApiClient client, String flowId, String phase) {
        Polling.until(() -> client.get("/api/v1/flows/" + flowId).json(),
                json -> phase.equals(json.path("current_phase").asString(null)) && json.get("status").asString().equals("running"),
                Duration.ofSeconds(30), "phase " + phase);
    }

    private static List<String> names(JsonNode phases) {
        List<String> names = new ArrayList<>();
        phases.forEach(p -> names.add(p.get("name").asString()));
        return names;
    }
}
