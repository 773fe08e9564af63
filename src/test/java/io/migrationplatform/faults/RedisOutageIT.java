package io.migrationplatform.faults;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.create;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redis killed under load and started again, with the service left running: the shared cache and the
 * cross-instance live updates step aside (reads go to the database, updates stay on their instance),
 * no request answers 5xx, background work goes on, and the cache is used again once Redis is back.
 */
class RedisOutageIT {

    @Test
    void losingRedisDegradesTheCacheButNoRequestFails() throws Exception {
        int redisPort = ServiceProcess.freePort();
        Process redis = startRedis(redisPort);
        try (DisposablePostgres postgres = DisposablePostgres.start();
             ServiceProcess service = ServiceProcess.start("redis-outage", postgres.jdbcUrl(),
                     Map.of("SPRING_DATA_REDIS_URL", "redis://127.0.0.1:" + redisPort))) {
            ApiClient admin = service.admin();
            String token = new ApiClient(service.baseUrl()).post("/api/v1/auth/login",
                    Map.of("email", ServiceProcess.ADMIN_EMAIL, "password", ServiceProcess.ADMIN_PASSWORD)).json().get("access_token").asString();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(id(create(admin, asset("redis-" + i, "server", "prod"))));
            }
            assertThat(admin.get("/api/v1/assets/summary").status()).isEqualTo(200);
            assertThat(redisKeys(redisPort)).as("the summary is cached in Redis").isPositive();

            LoadProbe load = new LoadProbe(service.baseUrl(), token, 3, n -> switch ((int) (n % 4)) {
                case 0 -> new String[] {"GET", "/api/v1/assets/summary"};
                case 1 -> new String[] {"GET", "/api/v1/asset-inventory/analysis/overview"};
                case 2 -> new String[] {"GET", "/api/v1/assets/" + ids.get((int) (n % ids.size()))};
                default -> new String[] {"POST", "/api/v1/assets", "{\"name\":\"redis-load-" + n + "\",\"asset_type\":\"server\",\"environment\":\"dev\"}"};
            });
            JsonNode importedDuringOutage;
            try (load) {
                Polling.sleep(2_000);
                load.phase("down");
                redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                // Background work and its live updates while Redis is gone: an import runs as a flow.
                String csv = "name,type,environment\nduring-outage-1,server,prod\nduring-outage-2,database,prod\n";
                String importId = admin.upload("/api/v1/discovery/imports", "file", "during.csv", csv.getBytes(StandardCharsets.UTF_8))
                        .json().get("id").asString();
                assertThat(admin.post("/api/v1/discovery/imports/" + importId + "/execute", null).status()).isEqualTo(202);
                importedDuringOutage = Polling.until(() -> admin.get("/api/v1/discovery/imports/" + importId).json(),
                        json -> List.of("completed", "failed").contains(json.get("status").asString()), Duration.ofSeconds(60), "import");
                Polling.sleep(5_000);
                load.phase("back");
                redis = startRedis(redisPort);
                Polling.sleep(5_000);
            }
            assertThat(importedDuringOutage.get("status").asString()).as(importedDuringOutage.toString()).isEqualTo("completed");
            for (String phase : List.of("before", "down", "back")) {
                List<LoadProbe.Outcome> outcomes = load.outcomes(phase);
                assertThat(outcomes).as(phase).isNotEmpty()
                        .allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 201));
            }
            // Counts stay right through the outage: the fallback reads the database, and writes invalidated what Redis had.
            long expected = 10 + load.createdIds().size() + 2;
            JsonNode summary = Polling.until(() -> admin.get("/api/v1/assets/summary").json(),
                    json -> json.path("total_assets").asLong() == expected, Duration.ofSeconds(30),
                    "the summary counting " + expected + " assets");
            assertThat(summary).isNotNull();
            Polling.until(() -> {
                admin.get("/api/v1/assets/summary");
                return redisKeys(redisPort);
            }, keys -> keys > 0, Duration.ofSeconds(30), "the cache in Redis again");
        } finally {
            redis.destroyForcibly();
        }
    }

    private static Process startRedis(int port) throws IOException {
        Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("basedir", "."), "target", "redis-outage-" + port + ".log").toFile()).start();
        Polling.until(() -> redisKeys(port) >= 0, ok -> ok, Duration.ofSeconds(20), "redis-server on " + port);
        return redis;
    }

    /** DBSIZE over the Redis protocol; -1 when nothing answers. */
    private static long redisKeys(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$6\r\nDBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.length() > 1 && line.charAt(0) == ':' ? Long.parseLong(line.substring(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
