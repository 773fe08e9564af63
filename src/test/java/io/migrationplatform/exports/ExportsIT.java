package io.migrationplatform.exports;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static io.migrationplatform.support.AssetFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Asset and assessment exports over real HTTP, parsed as a spreadsheet user's tools would read them. */
class ExportsIT extends ApiIntegrationTest {

    private static final String ASSETS = "/api/v1/assets/export";

    @Test
    void assetCsvHasBomHeaderFilteredRowsAndNeutralisedFormulas() throws Exception {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("export-csv");
        ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        create(owner, with(with(asset("=HYPERLINK(\"http://evil\")", "server", "prod"), "tags", List.of("pci")),
                "business_owner", "@SUM(A1:A9)"));
        create(owner, with(with(asset("b-web, \"quoted\"\nline", "server", "prod"), "cpu_cores", 8), "ip_addresses",
                List.of("10.0.0.1", "10.0.0.2")));
        create(owner, asset("c-dev", "server", "dev"));
        create(owner, asset("d-db", "database", "prod"));
        ApiClient other = t.as(t.createUser(t.createTenant("export-other"), "super_admin"));
        create(other, asset("theirs", "server", "prod"));

        ApiClient.Response response = viewer.get(ASSETS + "?format=csv&environment=prod&asset_type=server");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).matches("attachment; filename=\"assets-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        byte[] body = response.raw().body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = csv(body);
        assertThat(rows.get(0).get(0)).isEqualTo("Asset ID");
        assertThat(rows.get(0).get(1)).isEqualTo("Name");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(1)).as("formula neutralised").isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(1).get(column(rows, "Business owner"))).isEqualTo("'@SUM(A1:A9)");
        assertThat(rows.get(1).get(column(rows, "Tags"))).isEqualTo("pci");
        assertThat(rows.get(2).get(1)).as("quotes, commas and line breaks survive").isEqualTo("b-web, \"quoted\"\nline");
        assertThat(rows.get(2).get(column(rows, "CPU cores"))).isEqualTo("8");
        assertThat(rows.get(2).get(column(rows, "IP addresses"))).isEqualTo("10.0.0.1; 10.0.0.2");
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("theirs").doesNotContain("c-dev").doesNotContain("d-db");

        List<CSVRecord> all = csv(owner.get(ASSETS).raw().body());
        assertThat(all).as("no format means CSV, no filter means the whole scope, never another tenant's").hasSize(5);
        assertThat(csv(owner.get(ASSETS + "?tag=pci").raw().body())).hasSize(2);
        assertThat(csv(owner.get(ASSETS + "?search=c-DEV").raw().body())).hasSize(2);
    }

    @Test
    void badFormatOrFilterIs422AndNoTokenIs401() {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("export-errors"), "viewer"));
        ApiClient.Response badFormat = owner.get(ASSETS + "?format=pdf");
        assertThat(badFormat.status()).isEqualTo(422);
        assertThat(badFormat.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("format");
        assertThat(badFormat.json().at("/error/details/field_errors/0/message").asString()).contains("csv", "xlsx", "json");
        ApiClient.Response badFilter = owner.get(ASSETS + "?environment=production");
        assertThat(badFilter.status()).isEqualTo(422);
        assertThat(badFilter.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("environment");
        assertThat(badFilter.header("Content-Disposition")).isNull();
        assertThat(api().get(ASSETS).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/assessments/00000000-0000-0000-0000-000000000000/export").status()).isEqualTo(401);
        assertThat(owner.get("/api/v1/assessments/00000000-0000-0000-0000-000000000000/export").status()).isEqualTo(404);
    }

    @Test
    void assetXlsxHasBoldFrozenFilteredHeaderAndJsonParses() throws Exception {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("export-xlsx"), "super_admin"));
        create(owner, with(with(asset("alpha", "server", "prod"), "memory_gb", 16.5), "attributes", Map.of("rack", "R7")));
        create(owner, asset("=bravo", "database", "prod"));

        ApiClient.Response response = owner.get(ASSETS + "?format=xlsx");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.header("Content-Disposition")).endsWith(".xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.raw().body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Name");
            assertThat(book.getFontAt(header.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:AH3");
            assertThat(sheet.getColumnWidth(1)).isEqualTo(30 * 256);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("=bravo");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).as("text, never a formula").isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            int memory = -1;
            for (int i = 0; i < header.getLastCellNum(); i++) {
                if (header.getCell(i).getStringCellValue().equals("Memory (GB)")) {
                    memory = i;
                }
            }
            assertThat(sheet.getRow(2).getCell(memory).getNumericCellValue()).isEqualTo(16.5);
            int created = header.getLastCellNum() - 3;
            assertThat(header.getCell(created).getStringCellValue()).isEqualTo("Created at");
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(created)))
                    .as("a real date, sortable as one").isTrue();
        }

        ApiClient.Response json = owner.get(ASSETS + "?format=json");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        JsonNode array = json.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(1).get("name").asString()).isEqualTo("alpha");
        assertThat(array.get(1).get("memory_gb").asDouble()).isEqualTo(16.5);
        assertThat(array.get(1).get("tags").isArray()).isTrue();
        assertThat(array.get(1).at("/attributes/rack").asString()).as("attributes stay an object in JSON").isEqualTo("R7");
        assertThat(array.get(1).get("version").asInt()).isEqualTo(1);
        List<CSVRecord> rows = csv(owner.get(ASSETS + "?format=csv").raw().body());
        assertThat(rows.get(2).get(column(rows, "Attributes (JSON)"))).as("and JSON text in a cell").isEqualTo("{\"rack\":\"R7\"}");
    }

    @Test
    void moreAssetsThanOnePageAreEachExportedOnceInOrder() throws Exception {
        TestTenants t = tenants();
        ApiClient owner = t.as(t.createUser(t.createTenant("export-pages"), "super_admin"));
        int total = 2_500;
        for (int start = 0; start < total; start += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(total, start + 1000); i++) {
                // the same name twice in a row exercises the (name, id) keyset at page boundaries
                batch.add(asset("host-" + String.format("%05d", i / 2), "server", "prod"));
            }
            ApiClient.Response created = owner.post("/api/v1/assets/bulk", Map.of("assets", batch));
            assertThat(created.json().get("created_count").asInt()).as(created.toString()).isEqualTo(batch.size());
        }
        List<CSVRecord> rows = csv(owner.get(ASSETS + "?format=csv").raw().body());
        assertThat(rows).hasSize(total + 1);
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= total; i++) {
            assertThat(rows.get(i).get(1)).isEqualTo("host-" + String.format("%05d", (i - 1) / 2));
            ids.add(rows.get(i).get(0));
        }
        assertThat(ids).as("every asset exactly once").hasSize(total);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(owner.get(ASSETS + "?format=xlsx").raw().body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(total);
        }
    }

    @Test
    void assessmentExportHasOneRowPerDecisionWithTheFinalStrategy() throws Exception {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("export-assessment");
        ApiClient owner = t.as(t.createUser(tenant, "super_admin"));
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        String mainframe = id(create(owner, with(with(asset("billing", "application", "prod"), "technology_stack",
                List.of("COBOL", "CICS")), "criticality", "critical")));
        String idle = id(create(owner, with(with(asset("old-files", "server", "prod"), "operating_system", "Windows 2008 R2"),
                "cpu_utilization_pct", 1)));
        create(owner, asset("not-assessed", "server", "prod"));
        String assessmentId = owner.post("/api/v1/assessments", Map.of("name", "Wave 0", "asset_ids", List.of(mainframe, idle)))
                .json().get("id").asString();
        Polling.until(() -> owner.get("/api/v1/assessments/" + assessmentId).json(),
                json -> json.get("status").asString().matches("completed|failed"), Duration.ofSeconds(60), "assessment");
        owner.put("/api/v1/assessments/" + assessmentId + "/decisions/" + idle,
                Map.of("strategy", "rehost", "rationale", "=cmd|' /C calc'!A0"));
        String export = "/api/v1/assessments/" + assessmentId + "/export";

        ApiClient.Response response = viewer.get(export + "?format=csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Disposition"))
                .matches("attachment; filename=\"assessment-wave-0-" + assessmentId.substring(0, 8) + "-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        assertThat(response.raw().body()).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = csv(response.raw().body());
        assertThat(rows.get(0).toList()).containsExactly("Asset ID", "Name", "Type", "Environment", "Criticality",
                "Recommended strategy", "Final strategy", "Override rationale", "Confidence", "Readiness", "Readiness score",
                "Complexity", "Effort (t-shirt)", "Effort (person-days)", "Risks", "Blockers", "Top reasons");
        assertThat(rows).hasSize(3);
        CSVRecord billing = rows.get(1);
        assertThat(billing.get(0)).isEqualTo(mainframe);
        assertThat(billing.get(1)).isEqualTo("billing");
        assertThat(billing.get(2)).isEqualTo("application");
        assertThat(billing.get(4)).isEqualTo("critical");
        assertThat(billing.get(5)).isEqualTo("refactor");
        assertThat(billing.get(6)).isEqualTo("refactor");
        assertThat(billing.get(15)).contains("mainframe");
        assertThat(billing.get(16)).isNotBlank();
        assertThat(billing.get(12)).isIn("XS", "S", "M", "L", "XL");
        CSVRecord files = rows.get(2);
        assertThat(files.get(5)).isEqualTo("retire");
        assertThat(files.get(6)).as("the override is final").isEqualTo("rehost");
        assertThat(files.get(7)).as("a rationale is neutralised too").isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(Double.parseDouble(files.get(13))).isPositive();

        JsonNode json = viewer.get(export + "?format=json").json();
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get(1).get("final_strategy").asString()).isEqualTo("rehost");
        assertThat(json.get(1).get("override_rationale").asString()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(json.get(0).get("blocker_codes").get(0).asString()).isEqualTo("mainframe");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(viewer.get(export + "?format=xlsx").raw().body()))) {
            assertThat(book.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("billing");
        }

        ApiClient.Response bad = viewer.get(export + "?format=pdf");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().at("/error/details/field_errors/0/message").asString()).contains("csv, xlsx, json");
        ApiClient stranger = t.as(t.createUser(t.createTenant("export-stranger"), "super_admin"));
        ApiClient.Response foreign = stranger.get(export);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().at("/error/status_code").asInt()).isEqualTo(404);
        assertThat(foreign.header("Content-Disposition")).isNull();
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private static int column(List<CSVRecord> rows, String header) {
        return rows.get(0).toList().indexOf(header);
    }
}
