package io.migrationplatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.flows.LiveClient;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The main job end to end, as a team runs it: {@code migrate enterprise-cmdb-20.csv} against a real server —
 * upload, discovery flow, assessment approved, wave plan applied, the plan downloaded — while a real WebSocket
 * client follows the three flows live; then the numbers that matter checked over the API.
 */
class MigratePathIT extends ApiIntegrationTest {

    @TempDir
    Path work;

    @Test
    void anInventoryExportBecomesAnAppliedWavePlanFollowedLive() throws Exception {
        TestTenants t = tenants();
        TestTenants.User user = t.createUser(t.createTenant("main-path"), "super_admin");
        ApiClient client = t.as(user);
        Path file = work.resolve("enterprise-cmdb-20.csv");
        try (InputStream in = MigratePathIT.class.getResourceAsStream("/discovery/samples/enterprise-cmdb-20.csv")) {
            Files.write(file, in.readAllBytes());
        }
        Map<String, String> env = Map.of("MIGRATE_URL", "http://localhost:" + port, "MIGRATE_EMAIL", user.email(),
                "MIGRATE_PASSWORD", user.password());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        Map<String, String> finalStatus = new LinkedHashMap<>();
        try (LiveClient live = LiveClient.connect(LiveClient.url(port, user.tenant().accountId(), user.tenant().engagementId()),
                user.accessToken())) {
            int exit = MigrateCommand.main(new String[] {"migrate", file.toString(), "--engagement", "default", "--wave-size", "5",
                    "--start-date", "2027-01-04", "--output", work.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), env);
            assertThat(exit).as(out + "\n" + err).isZero();
            // Every flow of the run, followed to its end over the tenant's WebSocket.
            Map<String, List<String>> seen = new HashMap<>();
            while (finalStatus.size() < 3) {
                JsonNode update = live.next("flow_update", Duration.ofSeconds(30));
                String type = update.at("/data/flow_type").asString();
                seen.computeIfAbsent(type, k -> new ArrayList<>()).add(update.at("/data/status").asString());
                if (update.at("/data/status").asString().matches("completed|failed|cancelled")) {
                    finalStatus.put(type, update.at("/data/status").asString());
                }
            }
            assertThat(finalStatus).containsExactly(Map.entry("discovery", "completed"), Map.entry("assessment", "completed"),
                    Map.entry("planning", "completed"));
            assertThat(seen.get("discovery")).startsWith("pending").contains("running");
        }

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("20 rows, 13 columns").contains("assets: 20 created").contains("0 rows rejected")
                .contains("dependencies in the file: 33 edges (33 new)").contains("the engagement now: 20 assets, 33 dependencies, 3 cycles")
                .contains("3 Assessment   20 assets")
                .contains("approved: strategy written to 20 assets").contains("applied: migration_wave written to");

        // The numbers behind the summary.
        assertThat(client.get("/api/v1/assets?page_size=1").json().at("/metadata/pagination/total").asInt()).isEqualTo(20);
        JsonNode graph = client.get("/api/v1/asset-inventory/dependency-graph").json();
        assertThat(graph.get("nodes").size()).isEqualTo(20);
        assertThat(graph.get("edges").size()).isEqualTo(33);
        assertThat(graph.get("cycles").size()).isEqualTo(3);
        Map<String, JsonNode> assets = new HashMap<>();
        client.get("/api/v1/assets?page_size=100").json().get("data").forEach(a -> assets.put(a.get("name").asString(), a));
        assertThat(assets.get("Legacy Billing System").get("six_r_strategy").asString()).as("COBOL/CICS is no plain rehost")
                .isNotEqualTo("rehost");
        assertThat(assets.get("Legacy Database").get("six_r_strategy").asString()).isNotEqualTo("rehost");
        JsonNode payments = client.get("/api/v1/assets/" + assets.get("Payment Gateway").get("id").asString() + "/analysis").json();
        assertThat(payments.toString()).as("Java 8 is past its end of support").contains("runtime_end_of_support");

        // Wave order: what an asset needs moves first, unless a cycle ties them.
        int primary = assets.get("Database Primary").get("migration_wave").asInt();
        assertThat(primary).isPositive();
        assertThat(assets.get("Web Server 1").get("migration_wave").asInt()).as("in the database's cycle").isEqualTo(primary);
        assertThat(assets.get("Database Replica").get("migration_wave").asInt()).isGreaterThan(primary);
        assertThat(assets.get("Authentication Service").get("migration_wave").asInt()).isGreaterThan(primary);
        assertThat(assets.get("Customer Portal").get("migration_wave").asInt()).isGreaterThan(primary);
        assertThat(assets.get("Legacy Database").get("migration_wave").asInt())
                .isEqualTo(assets.get("Legacy Billing System").get("migration_wave").asInt());

        // The downloaded plan: a header and one row per planned asset, by wave.
        try (var files = Files.list(work)) {
            Path plan = files.filter(p -> p.getFileName().toString().startsWith("wave-plan-enterprise-cmdb-20-")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(plan, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("\uFEFFWave,Wave start,Wave end,Pilot,Asset ID,Name");
            JsonNode planned = client.get("/api/v1/waves?page_size=1").json().at("/data/0/summary/planned_assets");
            assertThat(lines).hasSize(planned.asInt() + 1);
            assertThat(lines.get(1)).startsWith("1,2027-01-04,2027-01-17,");
        }
    }

    @Test
    void usageErrorsAndAnAbsentServerAreExplained() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(MigrateCommand.main(new String[] {"migrate"}, out, errors, Map.of())).isEqualTo(2);
        assertThat(MigrateCommand.main(new String[] {"migrate", work.resolve("missing.csv").toString()}, out, errors, Map.of()))
                .isEqualTo(2);
        Path file = Files.writeString(work.resolve("x.csv"), "name\nweb\n");
        assertThat(MigrateCommand.main(new String[] {"migrate", file.toString(), "--wave-size", "ten"}, out, errors, Map.of()))
                .isEqualTo(2);
        for (String[] wrong : List.of(new String[] {"--wave-size", "0"}, new String[] {"--start-date", "2027-02-30"},
                new String[] {"--output", file.toString()})) {
            assertThat(MigrateCommand.main(new String[] {"migrate", file.toString(), wrong[0], wrong[1]}, out, errors, Map.of()))
                    .as("refused before anything is sent: " + wrong[0]).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Which inventory file?").contains("No such file")
                .contains("--wave-size takes a whole number").contains("Usage:").contains("--wave-size is between 1 and 10000")
                .contains("--start-date takes a real date").contains("--output is a directory");
        err.reset();
        assertThat(MigrateCommand.main(new String[] {"migrate", file.toString()}, out, errors,
                Map.of("MIGRATE_URL", "localhost:8080", "MIGRATE_PASSWORD", "x"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MIGRATE_URL must be the server's address");
        err.reset();
        assertThat(MigrateCommand.main(new String[] {"migrate", file.toString()}, out, errors,
                Map.of("MIGRATE_URL", "http://127.0.0.1:1", "MIGRATE_PASSWORD", "x"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no server answers at http://127.0.0.1:1");
        err.reset();
        assertThat(MigrateCommand.main(new String[] {"migrate", file.toString()}, out, errors,
                Map.of("MIGRATE_URL", "http://localhost:" + port, "MIGRATE_EMAIL", "nobody@example.com", "MIGRATE_PASSWORD",
                        "wrong-password"))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("log in answered 401");
    }
}
