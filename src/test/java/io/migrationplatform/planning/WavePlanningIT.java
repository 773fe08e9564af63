package io.migrationplatform.planning;

import static io.migrationplatform.planning.PlanningFixtures.assetIds;
import static io.migrationplatform.planning.PlanningFixtures.await;
import static io.migrationplatform.planning.PlanningFixtures.csv;
import static io.migrationplatform.planning.PlanningFixtures.dependsOn;
import static io.migrationplatform.planning.PlanningFixtures.sum;
import static io.migrationplatform.planning.PlanningFixtures.waveOf;
import static io.migrationplatform.planning.PlanningFixtures.waves;
import static io.migrationplatform.planning.PlanningFixtures.withCriticality;
import static io.migrationplatform.discovery.ImportFixtures.execute;
import static io.migrationplatform.discovery.ImportFixtures.resource;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.planning.store.WavePlanRepository;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Wave planning over real HTTP: the enterprise CMDB planned, applied into the audit trail and exported; validation; tenancy. */
class WavePlanningIT extends ApiIntegrationTest {

    private static final String WAVES = "/api/v1/waves";

    @Test
    void theEnterpriseCmdbIsPlannedDependenciesFirstWithEachCycleInOneWave() throws Exception {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("planning-cmdb");
        ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        execute(owner, upload(owner, "enterprise-cmdb-20.csv", resource("enterprise-cmdb-20.csv")).get("id").asString());
        Map<String, String> ids = assetIds(owner);
        JsonNode graph = owner.get("/api/v1/asset-inventory/dependency-graph").json();

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Enterprise waves");
        request.put("max_assets_per_wave", 5);
        request.put("start_date", "2027-01-04");
        request.put("wave_duration_days", 14);
        request.put("gap_days", 7);
        assertThat(viewer.post(WAVES + "/plan", request).status()).isEqualTo(403);
        ApiClient.Response started = owner.post(WAVES + "/plan", request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String planId = started.json().get("id").asString();
        assertThat(started.json().get("status").asString()).isIn("queued", "running", "completed");
        assertThat(started.json().get("flow_id").asString()).hasSize(36);
        assertThat(started.header("Location")).isEqualTo("/api/v1/waves/" + planId);

        JsonNode plan = await(owner, planId);
        assertThat(plan.get("status").asString()).as(plan.toString()).isEqualTo("completed");
        assertThat(plan.at("/summary/planned_assets").asInt()).isEqualTo(20);
        assertThat(plan.at("/summary/cycles").asInt()).isEqualTo(3);
        assertThat(plan.at("/options/max_assets_per_wave").asInt()).isEqualTo(5);
        assertThat(plan.at("/options/exclude_strategies").toString()).as("the default").isEqualTo("[\"retire\",\"retain\"]");
        assertThat(owner.get("/api/v1/flows/" + plan.get("flow_id").asString()).json().get("flow_type").asString()).isEqualTo("planning");

        Map<String, Integer> waveOf = waveOf(plan);
        assertThat(waveOf).hasSize(20);
        // The three cycles of the file, each in one wave.
        assertThat(waves(waveOf, "Web Server 1", "Web Server 2", "Database Primary", "Load Balancer")).hasSize(1);
        assertThat(waves(waveOf, "Legacy Billing System", "Legacy Database")).hasSize(1);
        assertThat(waves(waveOf, "Development Server", "Development Database", "Test Application")).hasSize(1);
        // Databases before what needs them, unless a cycle ties them.
        assertThat(waveOf.get("Database Replica")).isGreaterThan(waveOf.get("Database Primary"));
        assertThat(waveOf.get("Backup Server")).isGreaterThan(waveOf.get("Database Replica"));
        assertThat(waveOf.get("Authentication Service")).isGreaterThan(waveOf.get("Database Primary"));
        assertThat(waveOf.get("Admin Dashboard")).isGreaterThan(waveOf.get("Authentication Service"));
        assertThat(waveOf.get("Payment Gateway")).isGreaterThan(waveOf.get("External Payment API"));
        // And for every edge of the graph: strictly after, or together in one cycle.
        Map<String, String> nameOf = new HashMap<>();
        ids.forEach((name, id) -> nameOf.put(id, name));
        Set<String> inCycle = new HashSet<>();
        graph.get("cycles").forEach(cycle -> cycle.forEach(member -> inCycle.add(member.asString())));
        for (JsonNode edge : graph.get("edges")) {
            String source = nameOf.get(edge.get("source").asString());
            String target = nameOf.get(edge.get("target").asString());
            if (waveOf.get(source).equals(waveOf.get(target))) {
                assertThat(inCycle).as(source + " shares a wave with its dependency " + target).contains(edge.get("source").asString());
            } else {
                assertThat(waveOf.get(source)).as(source + " after " + target).isGreaterThan(waveOf.get(target));
            }
        }
        int expectedNumber = 1;
        LocalDate expectedStart = LocalDate.parse("2027-01-04");
        for (JsonNode wave : plan.get("waves")) {
            assertThat(wave.get("wave_number").asInt()).isEqualTo(expectedNumber++);
            assertThat(wave.get("asset_count").asInt()).isEqualTo(wave.get("assets").size()).isBetween(1, 5);
            assertThat(LocalDate.parse(wave.get("start_date").asString())).isEqualTo(expectedStart);
            assertThat(LocalDate.parse(wave.get("end_date").asString())).isEqualTo(expectedStart.plusDays(13));
            assertThat(sum(wave.get("by_strategy"))).isEqualTo(wave.get("asset_count").asInt());
            assertThat(sum(wave.get("by_criticality"))).isEqualTo(wave.get("asset_count").asInt());
            expectedStart = expectedStart.plusDays(21);
        }
        assertThat(plan.get("warnings").toString()).as("nothing was assessed yet").contains("no 7R strategy");
        assertThat(plan.at("/waves/0/assets/0/asset_id").asString()).hasSize(36);
        assertThat(owner.get(WAVES + "/" + planId + "?include_assets=false").json().at("/waves/0/assets").isMissingNode()).isTrue();

        // Apply: each asset's migration_wave, in the audit trail; once.
        assertThat(viewer.post(WAVES + "/" + planId + "/apply", null).status()).isEqualTo(403);
        ApiClient.Response applied = owner.post(WAVES + "/" + planId + "/apply", null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("assets_changed").asInt()).isEqualTo(20);
        assertThat(applied.json().at("/plan/status").asString()).isEqualTo("applied");
        String legacy = ids.get("Legacy Billing System");
        assertThat(owner.get("/api/v1/assets/" + legacy).json().get("migration_wave").asInt()).isEqualTo(waveOf.get("Legacy Billing System"));
        assertThat(owner.get("/api/v1/asset-inventory/audit/" + legacy).json().toString())
                .contains("wave_plan_apply").contains("wave_plan:" + planId);
        assertThat(owner.post(WAVES + "/" + planId + "/apply", null).status()).isEqualTo(409);
        assertThat(owner.post(WAVES + "/" + planId + "/apply", Map.of("dry_run", true)).status()).as("never ignored").isEqualTo(422);

        // Re-planning with other options makes a new plan and leaves the applied one as it was.
        assertThat(owner.put("/api/v1/assets/" + ids.get("Database Replica"), Map.of("six_r_strategy", "retire")).status()).isEqualTo(200);
        request.put("max_assets_per_wave", 20);
        request.put("name", "Bigger waves");
        JsonNode replanned = await(owner, owner.post(WAVES + "/plan", request).json().get("id").asString());
        assertThat(replanned.at("/summary/planned_assets").asInt()).isEqualTo(19);
        assertThat(replanned.at("/summary/excluded_assets").asInt()).isEqualTo(1);
        assertThat(replanned.get("constraints").toString()).as("the backup server needs the retired replica")
                .contains("\"asset_name\":\"Backup Server\"").contains("\"depends_on_name\":\"Database Replica\"")
                .contains("\"reason\":\"excluded_by_strategy\"").contains("\"strategy\":\"retire\"");
        assertThat(replanned.get("constraints").toString()).as("and the retired replica needs the primary, which moves")
                .contains("{\"asset_id\":\"" + ids.get("Database Replica") + "\",\"asset_name\":\"Database Replica\",\"depends_on_asset_id\":\""
                        + ids.get("Database Primary") + "\",\"depends_on_name\":\"Database Primary\",\"reason\":\"dependent_not_planned\","
                        + "\"strategy\":\"retire\"}");
        JsonNode again = owner.get(WAVES + "/" + planId).json();
        assertThat(again.get("status").asString()).isEqualTo("applied");
        assertThat(waveOf(again)).isEqualTo(waveOf);
        assertThat(owner.get("/api/v1/assets/" + legacy).json().get("migration_wave").asInt()).isEqualTo(waveOf.get("Legacy Billing System"));
        JsonNode list = viewer.get(WAVES + "?page_size=1").json();
        assertThat(list.at("/metadata/pagination/total").asInt()).isEqualTo(2);
        assertThat(list.at("/data/0/name").asString()).as("newest first").isEqualTo("Bigger waves");
        assertThat(list.at("/data/0/waves").isMissingNode()).isTrue();

        // Exports a programme manager can open.
        ApiClient.Response csv = viewer.get(WAVES + "/" + planId + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("wave-plan-enterprise-waves-");
        List<CSVRecord> rows = csv(csv.raw().body());
        assertThat(rows.get(0).toList()).startsWith("Wave", "Wave start", "Wave end", "Pilot", "Asset ID", "Name")
                .contains("7R strategy", "Readiness", "Risks");
        assertThat(rows).hasSize(21);
        int previous = 0;
        for (CSVRecord row : rows.subList(1, rows.size())) {
            int wave = Integer.parseInt(row.get(0));
            assertThat(wave).isGreaterThanOrEqualTo(previous).isEqualTo(waveOf.get(row.get(5)));
            previous = wave;
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(owner.get(WAVES + "/" + planId + "/export?format=xlsx")
                .raw().body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(20);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Wave");
            assertThat(sheet.getColumnWidth(5)).as("names get room").isGreaterThan(sheet.getColumnWidth(0));
        }
        JsonNode json = owner.get(WAVES + "/" + planId + "/export?format=json").json();
        assertThat(json.size()).isEqualTo(20);
        assertThat(json.get(0).get("wave_number").asInt()).isEqualTo(1);
        for (JsonNode row : json) {
            if (row.get("name").asString().equals("Database Replica")) {
                assertThat(row.get("depends_on").asString()).as("what it needs, with the wave it moves in")
                        .isEqualTo("Database Primary (wave " + waveOf.get("Database Primary") + ")");
            }
        }
        assertThat(owner.get(WAVES + "/" + planId + "/export?format=pdf").status()).isEqualTo(422);

        // Applying the re-plan over the first: the retired replica is not in it and keeps its old wave, and the answer says so.
        JsonNode second = owner.post(WAVES + "/" + replanned.get("id").asString() + "/apply", null).json();
        assertThat(second.get("assets_not_in_plan_with_wave").asInt()).isEqualTo(1);
        assertThat(second.get("assets_changed").asInt() + second.get("assets_unchanged").asInt()).isEqualTo(19);
    }

    @Test
    void oversizeCyclesPilotsAndScopesAreReported() {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("planning-shapes"), "super_admin"));
        String a = id(create(owner, asset("ring-a", "server", "prod")));
        String b = id(create(owner, asset("ring-b", "server", "prod")));
        String c = id(create(owner, asset("ring-c", "database", "prod")));
        String app = id(create(owner, asset("app", "application", "prod")));
        String lonely = id(create(owner, withCriticality(asset("lonely-dev", "server", "dev"), "low")));
        dependsOn(owner, a, b);
        dependsOn(owner, b, c);
        dependsOn(owner, c, a);
        dependsOn(owner, app, c);

        JsonNode plan = await(owner, owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", 2, "pilot", true)).json()
                .get("id").asString());
        assertThat(plan.get("status").asString()).as(plan.toString()).isEqualTo("completed");
        assertThat(plan.at("/waves/0/pilot").asBoolean()).isTrue();
        assertThat(plan.at("/waves/0/assets/0/name").asString()).isEqualTo("lonely-dev");
        assertThat(plan.at("/waves/1/asset_count").asInt()).as("the oversize ring alone, never split").isEqualTo(3);
        assertThat(plan.at("/waves/1/assets/0/group_size").asInt()).isEqualTo(3);
        assertThat(plan.at("/waves/2/assets/0/name").asString()).isEqualTo("app");
        assertThat(plan.get("warnings").toString()).contains("exceeds the wave capacity of 2");
        assertThat(plan.at("/summary/largest_cycle").asInt()).isEqualTo(3);
        assertThat(plan.at("/options/name").asString()).as("a default name").startsWith("Wave plan ");

        JsonNode scoped = await(owner, owner.post(WAVES + "/plan", Map.of("scope", Map.of("asset_type", "application"))).json()
                .get("id").asString());
        assertThat(scoped.at("/summary/planned_assets").asInt()).isEqualTo(1);
        assertThat(scoped.at("/constraints/0/depends_on_asset_id").asString()).isEqualTo(c);
        assertThat(scoped.at("/constraints/0/reason").asString()).isEqualTo("outside_scope");
        assertThat(scoped.at("/summary/constraints_total").asInt()).isEqualTo(1);

        JsonNode empty = await(owner, owner.post(WAVES + "/plan", Map.of("scope", Map.of("search", "no-such-asset"))).json()
                .get("id").asString());
        assertThat(empty.get("status").asString()).isEqualTo("completed");
        assertThat(empty.get("waves").size()).isZero();
        assertThat(empty.get("warnings").toString()).contains("No assets to plan");
        assertThat(owner.post(WAVES + "/" + empty.get("id").asString() + "/apply", null).status()).as("nothing to apply").isEqualTo(409);
    }

    @Test
    void badPlanningRequestsAreRefusedWithEveryProblemNamed() {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("planning-bad"), "super_admin"));
        ApiClient.Response bad = owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", 0, "start_date", "next tuesday",
                "wave_duration_days", 0, "gap_days", -1, "exclude_strategies", List.of("lift"), "scope", Map.of("environment", "production")));
        assertThat(bad.status()).isEqualTo(422);
        String fields = bad.json().toString();
        for (String field : List.of("max_assets_per_wave", "start_date", "wave_duration_days", "gap_days", "exclude_strategies",
                "scope.environment")) {
            assertThat(fields).contains("\"" + field + "\"");
        }
        assertThat(owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", "ten")).status()).isBetween(400, 422);
        assertThat(owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", 2.5)).status()).as("never cut to 2").isEqualTo(422);
        assertThat(owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", 2147483648L)).status()).isBetween(400, 422);
        assertThat(owner.post(WAVES + "/plan", Map.of("dry_run", true)).status()).as("unknown field").isEqualTo(422);
        assertThat(owner.send("POST", WAVES + "/plan", "name: y\nmax_assets_per_wave: 0\n", "application/yaml").status())
                .as("YAML would bypass the JSON rules").isEqualTo(415);
        assertThat(owner.post(WAVES + "/plan", Map.of("max_assets_per_wave", 10_001)).status()).isEqualTo(422);
        assertThat(owner.post(WAVES + "/plan", Map.of("start_date", "2027-02-30")).json().toString()).contains("No such date: 2027-02-30");
        assertThat(owner.post(WAVES + "/plan", Map.of("exclude_strategies", List.of("retire", "lift"))).json().toString())
                .contains("Unknown strategy 'lift'");
        assertThat(owner.post(WAVES + "/plan", Map.of("name", "x".repeat(256))).status()).isEqualTo(422);
        assertThat(owner.get(WAVES + "/not-a-uuid").status()).isBetween(400, 422);
        assertThat(owner.get(WAVES + "/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(owner.get(WAVES).json().at("/metadata/pagination/total").asInt()).as("nothing was stored").isZero();

        Map<String, Object> flow = Map.of("flow_type", "planning", "name", "Via flows",
                "configuration", Map.of("max_assets_per_wave", 3, "pilot", "yes"));
        assertThat(owner.post("/api/v1/flows", flow).status()).isEqualTo(422);
        ApiClient.Response viaFlows = owner.post("/api/v1/flows", Map.of("flow_type", "planning", "name", "Via flows",
                "configuration", Map.of("max_assets_per_wave", 3)));
        assertThat(viaFlows.status()).as(viaFlows.toString()).isBetween(200, 202);
        JsonNode list = Polling.until(() -> owner.get(WAVES).json(),
                json -> json.at("/data/0/status").asString().matches("completed|failed"), Duration.ofSeconds(60), "plan via flows");
        assertThat(list.at("/data/0/name").asString()).isEqualTo("Via flows");
        assertThat(list.at("/data/0/status").asString()).isEqualTo("completed");
    }

    @Autowired
    WavePlanRepository repository;

    @Test
    void aPlanKeepsTheOutcomeOfItsFlowAndOneThatDidNotCompleteKeepsNothing() {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("planning-outcome"), "super_admin");
        ApiClient owner = t.as(user);
        String a = id(create(owner, asset("a", "server", "prod")));
        String b = id(create(owner, asset("b", "database", "prod")));
        dependsOn(owner, a, b);
        JsonNode plan = await(owner, owner.post(WAVES + "/plan", Map.of()).json().get("id").asString());
        String planId = plan.get("id").asString();

        // Its flow deleted, a completed plan still reads completed, with its waves.
        assertThat(owner.delete("/api/v1/flows/" + plan.get("flow_id").asString()).status()).isEqualTo(204);
        JsonNode afterDelete = owner.get(WAVES + "/" + planId).json();
        assertThat(afterDelete.get("status").asString()).isEqualTo("completed");
        assertThat(afterDelete.get("waves").size()).isEqualTo(2);

        // A cancel that lands after the result was written (what the engine reports through the planning flow's
        // finished hook): the result goes, the plan stays cancelled, and a late write is refused.
        TenantScope scope = new TenantScope(user.id(), user.tenant().accountId(), user.tenant().engagementId(), Role.SUPER_ADMIN);
        UUID id = UUID.fromString(planId);
        repository.recordOutcome(scope, id, "cancelled");
        JsonNode cancelled = owner.get(WAVES + "/" + planId).json();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.has("waves")).isFalse();
        assertThat(cancelled.get("summary").size()).isZero();
        assertThat(owner.post(WAVES + "/" + planId + "/apply", null).status()).isEqualTo(409);
        assertThat(owner.get(WAVES + "/" + planId + "/export").status()).isEqualTo(409);
        repository.storeResult(scope, id, List.of(new WavePlanRepository.WaveRow(1, LocalDate.now(), LocalDate.now(), false)),
                List.of(), Map.of("planned_assets", 0), List.of(), List.of());
        assertThat(repository.waves(id)).as("a cancelled plan's late result is not written").isEmpty();
        assertThat(owner.get(WAVES + "/" + planId).json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void flowsCannotReRunOrPointAtAnExistingPlanOrAssessment() {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("planning-flows"), "super_admin"));
        create(owner, asset("a", "server", "prod"));
        JsonNode plan = await(owner, owner.post(WAVES + "/plan", Map.of()).json().get("id").asString());
        for (Object planId : List.of(plan.get("id").asString(), "not-a-uuid", 5, Map.of("a", 1))) {
            ApiClient.Response refused = owner.post("/api/v1/flows", Map.of("flow_type", "planning",
                    "configuration", Map.of("plan_id", planId)));
            assertThat(refused.status()).as(String.valueOf(planId)).isEqualTo(422);
            assertThat(refused.json().toString()).contains("configuration.plan_id");
        }
        assertThat(owner.get(WAVES + "/" + plan.get("id").asString()).json().get("flow_id").asString())
                .isEqualTo(plan.get("flow_id").asString());
        String assessment = owner.post("/api/v1/assessments", Map.of("name", "x", "filters", Map.of())).json().get("id").asString();
        assertThat(owner.post("/api/v1/flows", Map.of("flow_type", "assessment", "configuration", Map.of("assessment_id", assessment)))
                .status()).isEqualTo(422);
    }

    @Test
    void anotherTenantsPlanIsNotFoundEverywhere() {
        TestTenants t = tenants();
        ApiClient mine = t.as(t.createUser(t.createTenant("planning-mine"), "super_admin"));
        ApiClient theirs = t.as(t.createUser(t.createTenant("planning-theirs"), "super_admin"));
        String their = id(create(theirs, asset("theirs", "server", "prod")));
        id(create(mine, asset("mine", "server", "prod")));
        String planId = await(theirs, theirs.post(WAVES + "/plan", Map.of()).json().get("id").asString()).get("id").asString();

        String base = WAVES + "/" + planId;
        assertThat(mine.get(base).status()).isEqualTo(404);
        assertThat(mine.post(base + "/apply", null).status()).isEqualTo(404);
        assertThat(mine.get(base + "/export?format=csv").status()).isEqualTo(404);
        assertThat(mine.get(WAVES).json().at("/metadata/pagination/total").asInt()).isZero();
        JsonNode minePlan = await(mine, mine.post(WAVES + "/plan", Map.of()).json().get("id").asString());
        assertThat(minePlan.toString()).as("another tenant's assets are never planned").doesNotContain(their).contains("\"mine\"");
        assertThat(minePlan.at("/summary/planned_assets").asInt()).isEqualTo(1);
        assertThat(theirs.get(base).json().get("status").asString()).isEqualTo("completed");
        assertThat(api().get(base).status()).isEqualTo(401);
        assertThat(api().post(WAVES + "/plan", Map.of()).status()).isEqualTo(401);
    }
}
