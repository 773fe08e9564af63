package io.migrationplatform.discovery;

import static io.migrationplatform.discovery.ImportFixtures.execute;
import static io.migrationplatform.discovery.ImportFixtures.resource;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The published export formats and hostile encodings, end to end: detection, units, statuses, values. */
class DiscoveryFormatsIT extends ApiIntegrationTest {

    private ApiClient client;

    @BeforeEach
    void tenant() {
        TestTenants t = tenants();
        client = t.as(t.createUser(t.createTenant("formats"), "contributor"));
    }

    private JsonNode asset(String search) {
        JsonNode page = client.get("/api/v1/assets?search=" + search).json();
        assertThat(page.at("/metadata/pagination/total").asLong()).as(search).isEqualTo(1);
        return page.get("data").get(0);
    }

    private JsonNode importFile(String name, byte[] content, String expectedSourceType) {
        JsonNode uploaded = upload(client, name, content);
        assertThat(uploaded.get("source_type").asString()).as(name).isEqualTo(expectedSourceType);
        JsonNode done = execute(client, uploaded.get("id").asString());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.at("/result/rejected_rows").asInt()).as(name).isZero();
        return done;
    }

    @Test
    void awsApplicationDiscoveryServiceTemplate() {
        importFile("aws.csv", resource("formats/aws-application-discovery.csv"), "aws_application_discovery");
        JsonNode billing = asset("billing01");
        assertThat(billing.get("external_id").asString()).isEqualTo("aws-001");
        assertThat(billing.get("hostname").asString()).isEqualTo("billing01");
        assertThat(billing.get("fqdn").asString()).isEqualTo("billing01.corp.local");
        assertThat(billing.get("memory_gb").asDouble()).isEqualTo(16.0);
        assertThat(billing.get("cpu_cores").asInt()).isEqualTo(4);
        assertThat(billing.get("cpu_utilization_pct").asDouble()).isEqualTo(35.5);
        assertThat(billing.get("tags").toString()).contains("env:prod", "owner:finance");
        assertThat(asset("crm01").get("ip_addresses").size()).isEqualTo(2);
    }

    @Test
    void azureMigrateImportSumsDisksAndConvertsMegabytes() {
        importFile("azure.csv", resource("formats/azure-migrate.csv"), "azure_migrate");
        JsonNode vm = asset("azvm01");
        assertThat(vm.get("memory_gb").asDouble()).isEqualTo(32.0);
        assertThat(vm.get("storage_gb").asDouble()).isEqualTo(896.0);
        assertThat(vm.get("ip_addresses").toString()).isEqualTo("[\"10.1.0.4\",\"10.1.0.5\"]");
        assertThat(vm.get("memory_utilization_pct").asDouble()).isEqualTo(40.0);
        assertThat(asset("azvm02").get("storage_gb").asDouble()).isEqualTo(64.0);
    }

    @Test
    void rvtoolsFlagsTemplatesAndPoweredOffVmsInsteadOfDroppingThem() {
        JsonNode done = importFile("rvtools.csv", resource("formats/rvtools-vinfo.csv"), "rvtools");
        assertThat(done.at("/result/assets_created").asInt()).isEqualTo(3);
        JsonNode web = asset("rv-web-01");
        assertThat(web.get("status").asString()).isEqualTo("active");
        assertThat(web.get("memory_gb").asDouble()).isEqualTo(8.0);
        assertThat(web.get("storage_gb").asDouble()).isEqualTo(100.0);
        assertThat(web.get("location").asString()).isEqualTo("DC1");
        JsonNode old = asset("rv-old-02");
        assertThat(old.get("status").asString()).isEqualTo("inactive");
        assertThat(old.at("/attributes/source_status").asString()).isEqualTo("poweredOff");
        JsonNode template = asset("rv-tmpl-03");
        assertThat(template.toString()).contains("True");
    }

    @Test
    void googleMigrationCenterVmInfo() {
        importFile("vmInfo.csv", resource("formats/google-migration-center-vminfo.csv"), "google_migration_center");
        JsonNode db = asset("gmc-db-01");
        assertThat(db.get("memory_gb").asDouble()).isEqualTo(64.0);
        assertThat(db.get("storage_gb").asDouble()).isEqualTo(500.0);
        assertThat(db.get("cpu_cores").asInt()).isEqualTo(16);
        assertThat(db.get("status").asString()).isEqualTo("active");
        assertThat(db.get("external_id").asString()).isEqualTo("m-001");
    }

    @Test
    void bomSemicolonsDecimalCommasAndQuotedNewlines() {
        String csv = "\uFEFFName;Environment;Memory GB;Description\n"
                + "sap-01;Prod;\"12,5\";\"first line\nsecond line\"\n"
                + "sap-02;Dev;8;plain\n";
        JsonNode done = importFile("bom.csv", csv.getBytes(StandardCharsets.UTF_8), "cmdb");
        assertThat(done.at("/result/assets_created").asInt()).isEqualTo(2);
        JsonNode sap = asset("sap-01");
        assertThat(sap.get("memory_gb").asDouble()).isEqualTo(12.5);
        assertThat(sap.at("/attributes/Description").asString()).isEqualTo("first line\nsecond line");
    }

    @Test
    void windows1252AccentsSurvive() {
        String csv = "Name,Location,Owner\nparis-01,Zürich,Société Générale\n";
        importFile("latin.csv", csv.getBytes(Charset.forName("windows-1252")), "cmdb");
        JsonNode paris = asset("paris-01");
        assertThat(paris.get("location").asString()).isEqualTo("Zürich");
        assertThat(paris.get("business_owner").asString()).isEqualTo("Société Générale");
    }

    @Test
    void excelAndJsonExports() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Inventory");
            String[][] rows = {{"Hostname", "Environment", "CPU Cores", "RAM (GB)"}, {"xl-01", "UAT", "4", "16"},
                    {"xl-02", "Production", "8", "32"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && c >= 2) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(xlsx);
        }
        JsonNode done = importFile("inventory.xlsx", xlsx.toByteArray(), "cmdb");
        assertThat(done.get("format") == null || done.get("format").asString().equals("xlsx")).isTrue();
        JsonNode xl = asset("xl-02");
        assertThat(xl.get("cpu_cores").asInt()).isEqualTo(8);
        assertThat(xl.get("memory_gb").asDouble()).isEqualTo(32.0);
        assertThat(asset("xl-01").get("environment").asString()).isEqualTo("test");

        String json = "[{\"hostname\": \"js-01\", \"environment\": \"dev\", \"cpu_cores\": 2, \"tags\": [\"a\", \"b\"]},"
                + " {\"hostname\": \"js-02\", \"environment\": \"prod\", \"extra\": {\"k\": 1}}]";
        importFile("inventory.json", json.getBytes(StandardCharsets.UTF_8), "cmdb");
        assertThat(asset("js-01").get("cpu_cores").asInt()).isEqualTo(2);
        assertThat(asset("js-02").at("/attributes/extra").asString()).contains("\"k\"");
    }

    @Test
    void anUploadOverTheLimitIs413() {
        byte[] big = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        ApiClient.Response response = client.upload("/api/v1/discovery/imports", "file", "big.csv", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().at("/error/status_code").asInt()).isEqualTo(413);
        assertThat(response.json().at("/error/details/max_bytes").asLong()).as("the configured limit").isEqualTo(50L * 1024 * 1024);
    }

    /** Tomcat counts the parts of a multipart body (50): too many is said as such, not as a size. */
    @Test
    void tooManyPartsSaySo() {
        String boundary = "parts-boundary";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 61; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"f").append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        ApiClient.Response response = client.send("POST", "/api/v1/discovery/imports", body.toString(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().at("/error/message").asString()).contains("parts");
    }
}
