package io.migrationplatform.faults;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped under load and started again, with the service left running: while the database is
 * down every request fails fast with 503 in the error envelope (or is served from a cache), nothing hangs
 * and nothing answers 500; once it is back the service recovers by itself — requests, background work
 * and the data written before the outage — without a restart.
 */
class DatabaseOutageIT {

    /** The pool waits this long for a connection (spring.datasource.hikari.connection-timeout), plus slack for a loaded machine. */
    private static final long FAIL_FAST_MILLIS = 5_000 + 3_000;

    @Test
    void requestsFailFastWhileTheDatabaseIsDownAndTheServiceRecoversByItself() {
        try (DisposablePostgres postgres = DisposablePostgres.start();
             ServiceProcess service = ServiceProcess.start("database-outage", postgres.jdbcUrl(), Map.of())) {
            ApiClient admin = service.admin();
            String token = new ApiClient(service.baseUrl()).post("/api/v1/auth/login",
                    Map.of("email", ServiceProcess.ADMIN_EMAIL, "password", ServiceProcess.ADMIN_PASSWORD)).json().get("access_token").asString();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(id(create(admin, asset("outage-" + i, "server", "prod"))));
            }
            LoadProbe load = new LoadProbe(service.baseUrl(), token, 4, n -> switch ((int) (n % 4)) {
                case 0 -> new String[] {"GET", "/api/v1/assets/" + ids.get((int) (n % ids.size()))};
                case 1 -> new String[] {"GET", "/api/v1/assets?page_size=10&sort_by=name"};
                case 2 -> new String[] {"GET", "/api/v1/assets/summary"};
                default -> new String[] {"POST", "/api/v1/assets",
                        "{\"name\":\"load-" + n + "\",\"asset_type\":\"server\",\"environment\":\"dev\"}"};
            });
            try (load) {
                Polling.sleep(3_000);
                load.phase("down");
                // Requests started before the switch (counted as "before", where only success is allowed) finish first.
                Polling.sleep(1_000);
                postgres.stopServer();
                Polling.sleep(10_000);
                load.phase("restarting");
                postgres.startServer();
                Polling.until(() -> admin.get("/api/v1/assets/" + ids.get(0)).status(), s -> s == 200, Duration.ofSeconds(60),
                        "the service answering again after the database came back");
                load.phase("after");
                Polling.sleep(5_000);
            }

            List<LoadProbe.Outcome> before = load.outcomes("before");
            assertThat(before).isNotEmpty().allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 201));

            List<LoadProbe.Outcome> down = load.outcomes("down");
            assertThat(down).as("requests during the outage").hasSizeGreaterThan(8);
            assertThat(down).allSatisfy(o -> {
                assertThat(o.status()).as(o.toString()).isIn(200, 201, 503);
                if (o.status() == 503) {
                    assertThat(o.isEnvelope(503)).as("503 in the error envelope: " + o).isTrue();
                    assertThat(o.retryAfter()).as("503 says when to retry: " + o).isNotNull().matches("[1-9][0-9]*");
                }
                assertThat(o.millis()).as("fails fast: " + o).isLessThan(FAIL_FAST_MILLIS);
            });
            assertThat(down).as("the outage was felt").anySatisfy(o -> assertThat(o.status()).isEqualTo(503));
            assertThat(down).as("every write failed visibly")
                    .filteredOn(o -> o.method().equals("POST")).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(201, 503));

            List<LoadProbe.Outcome> after = load.outcomes("after");
            assertThat(after).isNotEmpty().allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 201));
            assertThat(LoadProbe.statuses(load.outcomes("restarting")).keySet()).as("while restarting").isSubsetOf(200, 201, 503);

            // Nothing acknowledged was lost.
            for (String created : load.createdIds()) {
                assertThat(admin.get("/api/v1/assets/" + created).status()).as("asset " + created + " answered 201").isEqualTo(200);
            }
            // Background work recovered too: an import runs as a flow on the task scheduler.
            String csv = "name,type,environment\nafter-outage-1,server,prod\nafter-outage-2,database,prod\n";
            JsonNode upload = admin.upload("/api/v1/discovery/imports", "file", "after.csv", csv.getBytes(StandardCharsets.UTF_8)).json();
            String importId = upload.get("id").asString();
            assertThat(admin.post("/api/v1/discovery/imports/" + importId + "/execute", null).status()).isEqualTo(202);
            JsonNode done = Polling.until(() -> admin.get("/api/v1/discovery/imports/" + importId).json(),
                    json -> List.of("completed", "failed").contains(json.get("status").asString()), Duration.ofSeconds(60), "import");
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
            assertThat(done.at("/result/assets_created").asInt()).isEqualTo(2);
        }
    }
}
