package io.migrationplatform.assessments;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static io.migrationplatform.support.AssetFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import io.migrationplatform.flows.FlowContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An assessment's flow runs again after an interruption, a resume or a retry: the re-run must give
 * the same decisions and keep a reviewer's override made meanwhile.
 */
class AssessmentRerunIT extends ApiIntegrationTest {

    @Autowired
    private AssessmentFlow flow;

    @Test
    void aReRunKeepsTheDecisionsAndTheOverrides() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("assessment-rerun");
        TestTenants.User user = t.createUser(tenant, "super_admin");
        ApiClient owner = t.as(user);
        String idle = id(create(owner, with(asset("idle", "server", "prod"), "cpu_utilization_pct", 1)));
        String web = id(create(owner, with(asset("web", "server", "prod"), "operating_system", "RHEL 9")));
        String assessmentId = owner.post("/api/v1/assessments", Map.of("name", "rerun", "asset_ids", List.of(idle, web)))
                .json().get("id").asString();
        Polling.until(() -> owner.get("/api/v1/assessments/" + assessmentId).json(),
                json -> json.get("status").asString().equals("completed"), Duration.ofSeconds(30), "assessment");
        assertThat(owner.put("/api/v1/assessments/" + assessmentId + "/decisions/" + idle,
                Map.of("strategy", "retain", "rationale", "Legal hold")).status()).isEqualTo(200);

        TenantScope scope = new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.SUPER_ADMIN);
        String flowId = owner.get("/api/v1/assessments/" + assessmentId).json().get("flow_id").asString();
        flow.run(new RerunContext(UUID.fromString(flowId), scope, Map.of("assessment_id", assessmentId)));

        JsonNode assessment = owner.get("/api/v1/assessments/" + assessmentId).json();
        assertThat(assessment.get("status").asString()).isEqualTo("completed");
        assertThat(assessment.at("/summary/decisions").asInt()).isEqualTo(2);
        assertThat(assessment.at("/summary/overrides").asInt()).isEqualTo(1);
        JsonNode decisions = owner.get("/api/v1/assessments/" + assessmentId + "/decisions").json().get("data");
        assertThat(decisions.get(0).get("asset_name").asString()).isEqualTo("idle");
        assertThat(decisions.get(0).get("recommended_strategy").asString()).isEqualTo("retire");
        assertThat(decisions.get(0).get("final_strategy").asString()).isEqualTo("retain");
        assertThat(decisions.get(0).at("/override/rationale").asString()).isEqualTo("Legal hold");
    }

    /** What the flow engine would hand the handler on a second execution (reports go nowhere). */
    private record RerunContext(UUID flowId, TenantScope scope, Map<String, Object> configuration) implements FlowContext {
        @Override
        public int attempt() {
            return 2;
        }

        @Override
        public void phase(String name) {
        }

        @Override
        public boolean isPhaseCompleted(String name) {
            return true;
        }

        @Override
        public void counts(Map<String, Object> counts) {
        }

        @Override
        public void progress(int percent) {
        }

        @Override
        public void checkpoint() {
        }
    }
}
