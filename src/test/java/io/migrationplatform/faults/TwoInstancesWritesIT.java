package io.migrationplatform.faults;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one database, taking the same writes at the same time: read-modify-write
 * cycles with If-Match lose no update (the loser gets 412 and retries), the same export imported on both
 * at once creates each server once, and background jobs queued through both run once each, on one of them.
 */
class TwoInstancesWritesIT {

    @Test
    void concurrentWritesOnTwoInstancesLoseNothingAndDuplicateNothing() throws Exception {
        try (DisposablePostgres postgres = DisposablePostgres.start(); Connection sql = postgres.connect();
             ServiceProcess a = ServiceProcess.start("two-instances-a", postgres.jdbcUrl(), Map.of());
             ServiceProcess b = ServiceProcess.start("two-instances-b", postgres.jdbcUrl(), Map.of())) {
            List<ApiClient> instances = List.of(a.admin(), b.admin());
            String assetPath = "/api/v1/assets/" + id(create(instances.get(0), asset("counter", "server", "prod")));
            instances.get(0).put(assetPath, Map.of("cpu_cores", 0));

            // Each worker adds one to cpu_cores 25 times: read with the ETag, write with If-Match, retry on 412.
            int workers = 6;
            int incrementsEach = 25;
            AtomicInteger conflicts = new AtomicInteger();
            Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                ApiClient api = instances.get(w % 2);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsEach; ) {
                        ApiClient.Response read = api.get(assetPath);
                        int cores = read.json().get("cpu_cores").asInt();
                        ApiClient.Response write = api.withHeader("If-Match", read.header("ETag")).put(assetPath, Map.of("cpu_cores", cores + 1));
                        if (write.status() == 200) {
                            i++;
                        } else if (write.status() == 412) {
                            conflicts.incrementAndGet();
                        } else {
                            unexpected.merge(write.status(), 1, Integer::sum);
                            i++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(unexpected).as("only 200 or 412").isEmpty();
            assertThat(instances.get(1).get(assetPath).json().get("cpu_cores").asInt()).as("no lost update")
                    .isEqualTo(workers * incrementsEach);
            assertThat(conflicts.get()).as("the instances did collide").isPositive();

            // The same export, imported through both instances at the same moment.
            StringBuilder csv = new StringBuilder("hostname,ip_address,environment,dependencies\n");
            for (int i = 1; i <= 2_000; i++) {
                csv.append("srv-").append(i).append(",10.9.").append(i / 256).append('.').append(i % 256).append(",prod,srv-")
                        .append(1 + i % 2_000).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            List<String> imports = new ArrayList<>();
            for (ApiClient api : instances) {
                imports.add(api.upload("/api/v1/discovery/imports", "file", "same.csv", file).json().get("id").asString());
            }
            for (int i = 0; i < 2; i++) {
                assertThat(instances.get(i).post("/api/v1/discovery/imports/" + imports.get(i) + "/execute", null).status()).isEqualTo(202);
            }
            int created = 0;
            for (int i = 0; i < 2; i++) {
                String path = "/api/v1/discovery/imports/" + imports.get(i);
                ApiClient api = instances.get(i);
                JsonNode result = Polling.until(() -> api.get(path).json(),
                        json -> List.of("completed", "failed").contains(json.get("status").asString()), Duration.ofSeconds(120), path);
                assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("completed");
                created += result.at("/result/assets_created").asInt();
            }
            assertThat(created).as("between them, the two imports created each server once").isEqualTo(2_000);
            try (Statement statement = sql.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT max(started_at) < min(finished_at) FROM flows WHERE flow_type = 'discovery'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the two imports ran at the same time (else this proves nothing)").isTrue();
            }
            try (Statement statement = sql.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT lower(hostname)) FROM assets WHERE hostname LIKE 'srv-%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("assets").isEqualTo(2_000);
                assertThat(rs.getLong(2)).isEqualTo(2_000);
            }
            try (Statement statement = sql.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM asset_dependencies")) {
                rs.next();
                assertThat(rs.getLong(1)).as("each edge once").isEqualTo(2_000);
            }

            // Background jobs queued through both instances, which both poll the one queue: each runs exactly once.
            String someAsset = assetPath.substring(assetPath.lastIndexOf('/') + 1);
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ApiClient.Response queued = instances.get(i % 2).post("/api/v1/assets/analyze-batch",
                        Map.of("asset_ids", List.of(someAsset), "async_processing", true));
                assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
                tasks.add(queued.json().get("task_id").asString());
            }
            for (String task : tasks) {
                JsonNode finished = Polling.until(() -> instances.get(0).get("/api/v1/tasks/" + task).json(),
                        json -> List.of("completed", "failed").contains(json.get("status").asString()), Duration.ofSeconds(60), task);
                assertThat(finished.get("status").asString()).isEqualTo("completed");
                assertThat(finished.get("attempts").asInt()).as("started once").isEqualTo(1);
            }
            String logA = Files.readString(a.log());
            String logB = Files.readString(b.log());
            int onA = 0;
            for (String task : tasks) {
                int starts = occurrences(logA, "Task " + task + " (analysis.batch) started") + occurrences(logB, "Task " + task + " (analysis.batch) started");
                assertThat(starts).as("task " + task + " executed by exactly one instance, once").isEqualTo(1);
                onA += occurrences(logA, "Task " + task + " (analysis.batch) started");
            }
            assertThat(onA).as("both instances took jobs from the queue").isBetween(1, tasks.size() - 1);
        }
    }

    private static int occurrences(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
