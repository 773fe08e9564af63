package io.migrationplatform.assessments;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static io.migrationplatform.support.AssetFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Assessments over real HTTP: run, summary, decisions, override, approval into the audit trail; roles; tenancy. */
class AssessmentsIT extends ApiIntegrationTest {

    @Test
    void anAssessmentRunsOverridesAndApprovesIntoTheAuditTrail() {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("assessment-flow");
        ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        String mainframe = id(create(owner, with(asset("billing", "application", "prod"), "technology_stack", List.of("COBOL", "CICS"))));
        String idle = id(create(owner, with(with(asset("old-files", "server", "prod"), "operating_system", "Windows 2008 R2"),
                "cpu_utilization_pct", 1)));
        String web = id(create(owner, with(asset("web", "server", "prod"), "operating_system", "RHEL 9")));

        ApiClient.Response started = owner.post("/api/v1/assessments",
                Map.of("name", "Wave 0 candidates", "asset_ids", List.of(mainframe, idle, web, "garbage")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String assessmentId = started.json().get("id").asString();
        assertThat(started.json().get("flow_id").asString()).hasSize(36);

        JsonNode done = await(owner, assessmentId);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("asset_count").asInt()).isEqualTo(3);
        assertThat(done.at("/failed/garbage").asString()).isEqualTo("Not a valid asset id");
        assertThat(done.at("/summary/by_strategy/refactor").asInt()).isEqualTo(1);
        assertThat(done.at("/summary/by_strategy/retire").asInt()).isEqualTo(1);
        assertThat(done.at("/summary/by_strategy/rehost").asInt()).isEqualTo(1);
        assertThat(done.at("/summary/blockers/mainframe").asInt()).isEqualTo(1);
        assertThat(done.at("/summary/decisions").asInt()).isEqualTo(3);
        assertThat(done.at("/summary/effort_person_days").asDouble()).isPositive();

        JsonNode decisions = viewer.get("/api/v1/assessments/" + assessmentId + "/decisions?page_size=2").json();
        assertThat(decisions.at("/metadata/pagination/total").asInt()).isEqualTo(3);
        assertThat(decisions.get("data").size()).isEqualTo(2);
        assertThat(decisions.at("/data/0/asset_name").asString()).isEqualTo("billing");
        assertThat(decisions.at("/data/0/analysis/reasons").size()).isPositive();
        JsonNode blankFilters = viewer.get("/api/v1/assessments/" + assessmentId + "/decisions?strategy=&readiness=").json();
        assertThat(blankFilters.get("data").size()).isEqualTo(3);
        assertThat(blankFilters.at("/metadata/pagination/total").asInt()).as("totals follow the same filters").isEqualTo(3);
        JsonNode refactors = viewer.get("/api/v1/assessments/" + assessmentId + "/decisions?strategy=refactor").json();
        assertThat(refactors.get("data").size()).isEqualTo(1);
        assertThat(viewer.get("/api/v1/assessments/" + assessmentId + "/decisions?strategy=lift").status()).isEqualTo(422);

        String decisionPath = "/api/v1/assessments/" + assessmentId + "/decisions/" + idle;
        Map<String, Object> override = Map.of("strategy", "rehost", "rationale", "Owner needs the shares until Q3");
        assertThat(viewer.put(decisionPath, override).status()).isEqualTo(403);
        assertThat(owner.put(decisionPath, Map.of("strategy", "lift-and-shift", "rationale", "x")).status()).isEqualTo(422);
        assertThat(owner.put(decisionPath, Map.of("strategy", "rehost", "rationale", "  ")).status()).isEqualTo(422);
        assertThat(owner.put("/api/v1/assessments/" + assessmentId + "/decisions/00000000-0000-0000-0000-000000000000", override)
                .status()).isEqualTo(404);
        JsonNode overridden = owner.put(decisionPath, override).json();
        assertThat(overridden.get("recommended_strategy").asString()).as("the engine's answer is kept").isEqualTo("retire");
        assertThat(overridden.get("final_strategy").asString()).isEqualTo("rehost");
        assertThat(overridden.at("/override/rationale").asString()).isEqualTo("Owner needs the shares until Q3");
        assertThat(overridden.get("final_effort_person_days").asDouble()).as("a rehost costs more than a retirement")
                .isGreaterThan(overridden.get("effort_person_days").asDouble());
        JsonNode withOverride = owner.get("/api/v1/assessments/" + assessmentId).json();
        assertThat(withOverride.at("/summary/overrides").asInt()).isEqualTo(1);
        assertThat(withOverride.at("/summary/effort_person_days").asDouble()).as("the plan's effort follows the final strategies")
                .isGreaterThan(done.at("/summary/effort_person_days").asDouble());
        JsonNode cleared = owner.delete("/api/v1/assessments/" + assessmentId + "/decisions/" + idle + "/override").json();
        assertThat(cleared.get("final_strategy").asString()).isEqualTo("retire");
        assertThat(cleared.get("override").isNull()).isTrue();
        owner.put(decisionPath, override);
        assertThat(owner.put("/api/v1/assets/" + web, Map.of("operating_system", "RHEL 8")).status()).isEqualTo(200);

        assertThat(viewer.post("/api/v1/assessments/" + assessmentId + "/approve", null).status()).isEqualTo(403);
        ApiClient.Response approved = owner.post("/api/v1/assessments/" + assessmentId + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("assets_changed").asInt()).isEqualTo(3);
        assertThat(approved.json().get("assets_changed_since_assessed").toString()).as("web changed after it was assessed")
                .isEqualTo("[\"" + web + "\"]");
        assertThat(approved.json().at("/assessment/status").asString()).isEqualTo("approved");
        assertThat(owner.get("/api/v1/assets/" + idle).json().get("six_r_strategy").asString()).isEqualTo("rehost");
        assertThat(owner.get("/api/v1/assets/" + mainframe).json().get("six_r_strategy").asString()).isEqualTo("refactor");
        JsonNode audit = owner.get("/api/v1/asset-inventory/audit/" + idle).json();
        assertThat(audit.toString()).contains("assessment_approve").contains("assessment:" + assessmentId);

        assertThat(owner.post("/api/v1/assessments/" + assessmentId + "/approve", null).status()).isEqualTo(409);
        assertThat(owner.put(decisionPath, override).status()).isEqualTo(409);
    }

    @Test
    void filtersSelectTheAssetsAndBadSelectionsAreRefused() {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("assessment-filters"), "super_admin"));
        create(owner, asset("dev-1", "server", "dev"));
        create(owner, asset("dev-2", "database", "dev"));
        create(owner, asset("prod-1", "server", "prod"));

        ApiClient.Response started = owner.post("/api/v1/assessments", Map.of("name", "Dev estate", "filters", Map.of("environment", "dev")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = await(owner, started.json().get("id").asString());
        assertThat(done.get("asset_count").asInt()).isEqualTo(2);
        assertThat(done.at("/selection/filters/environment").asString()).isEqualTo("dev");

        assertThat(owner.post("/api/v1/assessments", Map.of("name", "x", "filters", Map.of("environment", "production"))).status())
                .isEqualTo(422);
        assertThat(owner.post("/api/v1/assessments", Map.of("name", "x", "filters", Map.of("colour", "red"))).status())
                .isBetween(400, 422);
        assertThat(owner.post("/api/v1/assessments", Map.of("name", "x")).status()).isEqualTo(422);
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("name", "x");
        both.put("asset_ids", List.of("00000000-0000-0000-0000-000000000000"));
        both.put("filters", Map.of());
        assertThat(owner.post("/api/v1/assessments", both).status()).isEqualTo(422);
        assertThat(owner.post("/api/v1/assessments", Map.of("name", " ", "filters", Map.of())).status()).isEqualTo(422);
        assertThat(owner.post("/api/v1/assessments", Map.of("name", "x", "asset_ids", List.of())).status()).isEqualTo(422);

        JsonNode list = owner.get("/api/v1/assessments?page_size=10").json();
        assertThat(list.at("/metadata/pagination/total").asInt()).isEqualTo(1);
        assertThat(list.at("/data/0/name").asString()).isEqualTo("Dev estate");
    }

    @Test
    void anotherTenantsAssessmentIsNotFoundEverywhere() {
        TestTenants t = tenants();
        ApiClient mine = t.as(t.createUser(t.createTenant("assessment-mine"), "super_admin"));
        ApiClient theirs = t.as(t.createUser(t.createTenant("assessment-theirs"), "super_admin"));
        String asset = id(create(theirs, asset("theirs", "server", "prod")));
        String assessmentId = theirs.post("/api/v1/assessments", Map.of("name", "Theirs", "asset_ids", List.of(asset)))
                .json().get("id").asString();
        await(theirs, assessmentId);

        String base = "/api/v1/assessments/" + assessmentId;
        assertThat(mine.get(base).status()).isEqualTo(404);
        assertThat(mine.get(base + "/decisions").status()).isEqualTo(404);
        assertThat(mine.put(base + "/decisions/" + asset, Map.of("strategy", "retire", "rationale", "mine now")).status()).isEqualTo(404);
        assertThat(mine.post(base + "/approve", null).status()).isEqualTo(404);
        assertThat(mine.get("/api/v1/assessments").json().at("/metadata/pagination/total").asInt()).isZero();

        JsonNode foreignIds = await(mine, mine.post("/api/v1/assessments", Map.of("name", "Sneaky", "asset_ids", List.of(asset)))
                .json().get("id").asString());
        assertThat(foreignIds.get("asset_count").asInt()).as("another tenant's asset is never assessed").isZero();
        assertThat(foreignIds.at("/failed/" + asset).asString()).isEqualTo("Asset not found");
        assertThat(foreignIds.get("failed_count").asInt()).isEqualTo(1);
        assertThat(mine.post("/api/v1/assessments/" + foreignIds.get("id").asString() + "/approve", null).status())
                .as("nothing to approve").isEqualTo(409);
        assertThat(theirs.get(base).json().get("status").asString()).isEqualTo("completed");
        assertThat(api().get(base).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/assessments", Map.of("name", "x", "filters", Map.of())).status()).isEqualTo(401);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.migrationplatform.assessments.store.AssessmentRepository repository;

    @Test
    void anAssessmentKeepsTheOutcomeOfItsFlowAfterTheFlowIsDeleted() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("assessment-outcome"), "super_admin");
        ApiClient owner = t.as(user);
        create(owner, asset("web", "server", "prod"));
        JsonNode done = await(owner, owner.post("/api/v1/assessments", Map.of("name", "x", "filters", Map.of())).json().get("id").asString());
        String id = done.get("id").asString();
        assertThat(owner.delete("/api/v1/flows/" + done.get("flow_id").asString()).status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/assessments/" + id).json().get("status").asString()).isEqualTo("completed");

        // What the engine records through the assessment flow's finished hook when a cancel lands after the summary phase.
        repository.recordOutcome(new io.migrationplatform.identity.TenantScope(user.id(), user.tenant().accountId(),
                user.tenant().engagementId(), io.migrationplatform.identity.Role.SUPER_ADMIN), java.util.UUID.fromString(id), "cancelled");
        assertThat(owner.get("/api/v1/assessments/" + id).json().get("status").asString()).isEqualTo("cancelled");
        assertThat(owner.post("/api/v1/assessments/" + id + "/approve", null).status()).isEqualTo(409);
    }

    private static JsonNode await(ApiClient client, String assessmentId) {
        return Polling.until(() -> client.get("/api/v1/assessments/" + assessmentId).json(),
                json -> json.get("status").asString().matches("completed|failed|approved"), Duration.ofSeconds(60), "assessment");
    }
}
