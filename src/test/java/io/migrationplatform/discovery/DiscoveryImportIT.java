package io.migrationplatform.discovery;

import static io.migrationplatform.discovery.ImportFixtures.execute;
import static io.migrationplatform.discovery.ImportFixtures.mapping;
import static io.migrationplatform.discovery.ImportFixtures.resource;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The discovery flow over HTTP with the real-shaped exports: upload, mappings, execute, results, re-import. */
class DiscoveryImportIT extends ApiIntegrationTest {

    private ApiClient client;
    private TestTenants t;
    private TestTenants.Tenant tenant;

    @BeforeEach
    void tenant() {
        t = tenants();
        tenant = t.createTenant("discovery");
        client = t.as(t.createUser(tenant, "contributor"));
    }

    private JsonNode asset(String search) {
        JsonNode page = client.get("/api/v1/assets?search=" + search.replace(" ", "%20")).json();
        assertThat(page.at("/metadata/pagination/total").asLong()).as(search).isEqualTo(1);
        return page.get("data").get(0);
    }

    @Test
    void theEnterpriseCmdbImportsWithItsDependenciesAndCycles() {
        JsonNode uploaded = upload(client, "enterprise-cmdb-20.csv", resource("enterprise-cmdb-20.csv"));
        assertThat(uploaded.get("format").asString()).isEqualTo("csv");
        assertThat(uploaded.get("row_count").asInt()).isEqualTo(20);
        assertThat(uploaded.get("columns").size()).isEqualTo(13);
        assertThat(uploaded.get("sample_rows").size()).isEqualTo(5);
        assertThat(mapping(uploaded, "asset_id")).isEqualTo("external_id");
        assertThat(mapping(uploaded, "asset_name")).isEqualTo("name");
        assertThat(mapping(uploaded, "ip_address")).isEqualTo("ip_addresses");
        assertThat(mapping(uploaded, "os")).isEqualTo("operating_system");
        assertThat(mapping(uploaded, "owner")).isEqualTo("business_owner");
        assertThat(mapping(uploaded, "dependencies")).isEqualTo("dependencies");
        assertThat(mapping(uploaded, "description")).isEqualTo("attributes");
        for (JsonNode m : uploaded.get("mappings")) {
            assertThat(m.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(m.get("reason").asString()).isNotBlank();
        }

        JsonNode done = execute(client, uploaded.get("id").asString());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("phases").size()).isEqualTo(5);
        assertThat(done.at("/phases/4/name").asString()).isEqualTo("dependency_mapping");
        assertThat(done.at("/result/assets_created").asInt()).isEqualTo(20);
        assertThat(done.at("/result/rejected_rows").asInt()).isZero();
        assertThat(done.at("/result/special_references").asInt()).isEqualTo(1);
        assertThat(done.at("/result/dependency_cycles").asInt()).isEqualTo(3);

        JsonNode web = asset("Web Server 1");
        assertThat(web.get("external_id").asString()).isEqualTo("SRV001");
        assertThat(web.get("environment").asString()).isEqualTo("prod");
        assertThat(web.get("criticality").asString()).isEqualTo("high");
        assertThat(web.get("ip_addresses").toString()).isEqualTo("[\"10.1.1.10\"]");
        assertThat(web.get("os_version").asString()).isEqualTo("20.04");
        assertThat(web.at("/attributes/source_environment").asString()).isEqualTo("Production");
        assertThat(web.at("/attributes/description").asString()).startsWith("Primary web server");
        JsonNode billing = asset("Legacy Billing System");
        assertThat(billing.get("technology_stack").toString()).contains("COBOL CICS");
        assertThat(billing.get("operating_system").isNull()).isTrue();
        JsonNode db2 = asset("Legacy Database");
        assertThat(db2.get("database_type").asString()).isEqualTo("db2");

        JsonNode graph = client.get("/api/v1/asset-inventory/dependency-graph").json();
        assertThat(graph.get("nodes").size()).isEqualTo(20);
        assertThat(graph.get("cycles").size()).isEqualTo(3);
        String legacyCycle = graph.get("cycles").toString();
        assertThat(legacyCycle).contains(billing.get("id").asString(), db2.get("id").asString());

        JsonNode problems = client.get("/api/v1/discovery/imports/" + uploaded.get("id").asString() + "/errors").json();
        assertThat(problems.get("data").toString()).contains("ALL");
        JsonNode history = client.get("/api/v1/asset-inventory/audit/" + web.get("id").asString()).json().get("data");
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("import");
        assertThat(history.get(history.size() - 1).get("source").asString()).startsWith("import:");
    }

    @Test
    void reImportingChangesNothingAndAnUpdatedExportUpdatesInPlace() {
        byte[] file = resource("enterprise-cmdb-20.csv");
        execute(client, upload(client, "cmdb.csv", file).get("id").asString());
        long version = asset("Web Server 1").get("version").asLong();
        long edges = client.get("/api/v1/asset-inventory/dependency-graph").json().get("edges").size();

        JsonNode again = execute(client, upload(client, "cmdb.csv", file).get("id").asString());
        assertThat(again.at("/result/assets_created").asInt()).isZero();
        assertThat(again.at("/result/assets_unchanged").asInt()).isEqualTo(20);
        assertThat(again.at("/result/dependencies_added").asInt()).isZero();
        assertThat(client.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isEqualTo(20);
        assertThat(asset("Web Server 1").get("version").asLong()).isEqualTo(version);
        assertThat(client.get("/api/v1/asset-inventory/dependency-graph").json().get("edges").size()).isEqualTo(edges);

        String updated = new String(file, StandardCharsets.UTF_8).replace("SRV001,Web Server 1,Server,10.1.1.10,Ubuntu 20.04 LTS,Production,High,John Smith",
                "SRV001,Web Server 1,Server,10.1.1.10,Ubuntu 22.04 LTS,Production,Critical,John Smith");
        JsonNode third = execute(client, upload(client, "cmdb-v2.csv", updated.getBytes(StandardCharsets.UTF_8)).get("id").asString());
        assertThat(third.at("/result/assets_updated").asInt()).isEqualTo(1);
        assertThat(third.at("/result/assets_created").asInt()).isZero();
        JsonNode web = asset("Web Server 1");
        assertThat(web.get("criticality").asString()).isEqualTo("critical");
        assertThat(web.get("operating_system").asString()).isEqualTo("Ubuntu 22.04 LTS");
        JsonNode last = client.get("/api/v1/asset-inventory/audit/" + web.get("id").asString()).json().at("/data/0");
        assertThat(last.get("action").asString()).isEqualTo("import");
        assertThat(last.at("/changes/criticality/old").asString()).isEqualTo("high");
        assertThat(last.at("/changes/criticality/new").asString()).isEqualTo("critical");
    }

    @Test
    void everyRealShapedExportImportsWithSensibleMappings() {
        Map<String, Integer> expected = Map.of("assets-40-semicolon-deps.csv", 40, "servicenow-style-18.csv", 18,
                "nonstandard-headers-5.csv", 5);
        expected.forEach((file, rows) -> {
            TestTenants.Tenant own = t.createTenant("samples");
            ApiClient c = t.as(t.createUser(own, "contributor"));
            JsonNode done = execute(c, upload(c, file, resource(file)).get("id").asString());
            assertThat(done.get("status").asString()).as(file).isEqualTo("completed");
            assertThat(done.at("/result/assets_created").asInt()).as(file).isEqualTo(rows);
            assertThat(c.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).as(file).isEqualTo((long) rows);
        });
        TestTenants.Tenant own = t.createTenant("servicenow");
        ApiClient c = t.as(t.createUser(own, "contributor"));
        execute(c, upload(c, "servicenow-style-18.csv", resource("servicenow-style-18.csv")).get("id").asString());
        JsonNode web = c.get("/api/v1/assets?search=prod-web-01").json().get("data").get(0);
        assertThat(web.get("hostname").asString()).isEqualTo("prod-web-01");
        assertThat(web.get("fqdn").asString()).isEqualTo("prod-web-01.demo-corp.com");
        assertThat(web.get("application_name").asString()).isEqualTo("eCommerce Platform");
        assertThat(web.get("cpu_cores").asInt()).isEqualTo(8);
        assertThat(web.get("memory_gb").asDouble()).isEqualTo(32.0);
        assertThat(web.get("storage_gb").asDouble()).isEqualTo(500.0);
    }

    @Test
    void rowsOfOneServerMergeAndBadRowsAreReportedNotFatal() {
        String csv = """
                Host Name,IP Address,Environment,CPU Cores,Memory (GB),Type
                web01.corp.local,10.0.0.1,PRD,4,"16,5",Server
                  WEB01.corp.local ,10.0.0.1,Production,,16,Server
                app02,10.0.0.300,DEV,abc,8,Application
                ,,,,,
                db03,10.0.0.3,UAT,8,64,Database
                %s,10.0.0.4,prod,2,4,Server
                """.formatted("x".repeat(300));
        JsonNode uploaded = upload(client, "hosts.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode done = execute(client, uploaded.get("id").asString());
        assertThat(done.at("/result/rows_merged").asInt()).isEqualTo(1);
        assertThat(done.at("/result/rejected_rows").asInt()).isEqualTo(1);
        assertThat(done.at("/result/assets_created").asInt()).isEqualTo(3);
        JsonNode web = asset("web01");
        assertThat(web.get("memory_gb").asDouble()).isEqualTo(16.5);
        assertThat(web.get("cpu_cores").asInt()).isEqualTo(4);
        JsonNode app = asset("app02");
        assertThat(app.get("ip_addresses").size()).isZero();
        assertThat(app.at("/attributes/invalid_ip_addresses").asString()).isEqualTo("10.0.0.300");
        assertThat(app.get("environment").asString()).isEqualTo("dev");
        assertThat(asset("db03").get("environment").asString()).isEqualTo("test");

        String id = uploaded.get("id").asString();
        JsonNode errors = client.get("/api/v1/discovery/imports/" + id + "/errors?severity=error").json();
        // The 300-character host name is too long both as the name and as the host name: two errors, one row.
        assertThat(errors.get("data")).allSatisfy(e -> assertThat(e.get("row_number").asLong()).isEqualTo(7));
        assertThat(errors.get("data").toString()).contains("\"column\":\"name\"");
        JsonNode warnings = client.get("/api/v1/discovery/imports/" + id + "/errors?severity=warning&page_size=100").json();
        assertThat(warnings.get("data").toString()).contains("merged").contains("10.0.0.300").contains("abc");
        ApiClient.Response csvErrors = client.get("/api/v1/discovery/imports/" + id + "/errors?format=csv");
        assertThat(csvErrors.status()).isEqualTo(200);
        assertThat(csvErrors.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csvErrors.text().lines().toList();
        assertThat(lines.get(0)).startsWith("row_number,Host Name,IP Address");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("7,xxxx").contains("255");
        assertThat(client.get("/api/v1/discovery/imports/" + id + "/errors?format=xml").status()).isEqualTo(422);
    }

    @Test
    void nothingARowSaysIsDroppedSilently() {
        String csv = """
                ID,Name,Host,Environment,Depends On
                S1,,srv-1,PRD,S1
                S2,,,PRD,S1
                S3,app-3,app-3,PRD,"S3;S1"
                ,,,DEV,
                """;
        JsonNode uploaded = upload(client, "silent.csv", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode done = execute(client, uploaded.get("id").asString());
        assertThat(done.at("/result/assets_created").asInt()).isEqualTo(3);
        assertThat(done.at("/result/dependencies_added").asInt()).isEqualTo(2); // S2 -> S1 and S3 -> S1
        String id = uploaded.get("id").asString();
        JsonNode warnings = client.get("/api/v1/discovery/imports/" + id + "/errors?severity=warning&page_size=100").json().get("data");
        assertThat(warnings.toString())
                .contains("No name: the asset is named after its hostname 'srv-1'")
                .contains("No name: the asset is named after its external id 'S2'")
                .contains("'S1' is this asset itself").contains("'S3' is this asset itself");
        // A missing value is absent (null), not the text "null".
        JsonNode errors = client.get("/api/v1/discovery/imports/" + id + "/errors?severity=error").json().get("data");
        assertThat(errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("row_number").asLong()).isEqualTo(5);
            assertThat(e.get("value").isNull()).as(e.toString()).isTrue();
        });
    }

    @Test
    void mappingsCanBeReviewedAndOverridden() {
        String csv = "Server,Env,Weird Column\nsrv-1,prod,42\nsrv-2,dev,7\n";
        JsonNode uploaded = upload(client, "small.csv", csv.getBytes(StandardCharsets.UTF_8));
        String id = uploaded.get("id").asString();
        assertThat(mapping(uploaded, "Weird Column")).isEqualTo("attributes");
        String path = "/api/v1/discovery/imports/" + id + "/mappings";
        assertThat(client.put(path, Map.of("mappings", Map.of("Weird Column", "no_such_field"))).status()).isEqualTo(422);
        assertThat(client.put(path, Map.of("mappings", Map.of("No Such Column", "cpu_cores"))).status()).isEqualTo(422);
        assertThat(client.put(path, Map.of("mappings", Map.of("Weird Column", "name"))).status()).isEqualTo(422);
        assertThat(client.put(path, Map.of("mappings", Map.of())).status()).isEqualTo(422);
        ApiClient.Response ok = client.put(path, Map.of("mappings", Map.of("Weird Column", "cpu_cores")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(mapping(ok.json(), "Weird Column")).isEqualTo("cpu_cores");
        execute(client, id);
        assertThat(asset("srv-1").get("cpu_cores").asInt()).isEqualTo(42);
    }

    @Test
    void unreadableUploadsAre4xxAndNothingIsStored() {
        Map<String, byte[]> bad = new HashMap<>();
        bad.put("empty.csv", new byte[0]);
        bad.put("header-only.csv", "name,environment\n".getBytes(StandardCharsets.UTF_8));
        bad.put("picture.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1});
        bad.put("object.json", "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        bad.forEach((name, content) -> {
            ApiClient.Response response = client.upload("/api/v1/discovery/imports", "file", name, content);
            assertThat(response.status()).as(name + " -> " + response).isEqualTo(422);
            assertThat(response.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("file");
        });
        assertThat(client.upload("/api/v1/discovery/imports", "document", "x.csv", "a\n1\n".getBytes()).status()).isEqualTo(422);
        assertThat(client.get("/api/v1/discovery/imports").json().at("/metadata/pagination/total").asLong()).isZero();
    }

    @Test
    void importsAreTenantScopedAndNeedWriteToRun() {
        JsonNode uploaded = upload(client, "small.csv", "name,environment\nsrv-1,prod\n".getBytes(StandardCharsets.UTF_8));
        String id = uploaded.get("id").asString();
        ApiClient stranger = t.as(t.createUser(t.createTenant("stranger"), "super_admin"));
        assertThat(stranger.get("/api/v1/discovery/imports/" + id).status()).isEqualTo(404);
        assertThat(stranger.put("/api/v1/discovery/imports/" + id + "/mappings", Map.of("mappings", Map.of("name", "name"))).status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/discovery/imports/" + id + "/execute", null).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/discovery/imports/" + id + "/errors").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/discovery/imports").json().at("/metadata/pagination/total").asLong()).isZero();
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        assertThat(viewer.get("/api/v1/discovery/imports/" + id).status()).isEqualTo(200);
        assertThat(viewer.post("/api/v1/discovery/imports/" + id + "/execute", null).status()).isEqualTo(403);
        assertThat(viewer.upload("/api/v1/discovery/imports", "file", "x.csv", "name\nx\n".getBytes()).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/assets").json().at("/metadata/pagination/total").asLong()).isZero();
    }

    /** Two executes of one import at the same moment start one flow; the other is told it is running (409). */
    @Test
    void twoExecutesAtOnceStartOneFlow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String importId = upload(client, "race.csv", resource("enterprise-cmdb-20.csv")).get("id").asString();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return client.post("/api/v1/discovery/imports/" + importId + "/execute", null).status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(202, 409);
                Polling.until(() -> client.get("/api/v1/discovery/imports/" + importId).json(),
                        json -> !"running".equals(json.get("status").asString()), Duration.ofSeconds(60), "import " + importId);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
