package io.migrationplatform.flows.bench;

import io.migrationplatform.MigrationPlatformApplication;
import io.migrationplatform.flows.FlowUpdate;
import io.migrationplatform.flows.FlowUpdates;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * WebSocket fan-out latency: N subscribers of one scope on one instance, U updates published
 * through {@link FlowUpdates}; for every (update, subscriber) the time from {@code publish()} to
 * the message arriving in the subscriber's listener. Server and clients share this JVM (and so
 * System.nanoTime and the machine's cores). Run with bench/ws-fanout.sh; never part of the tests.
 *
 * <p>Arguments (system properties): {@code subscribers} (1000), {@code updates} (20), {@code warmup} (5),
 * {@code gap-ms} (100, pause between updates), {@code clients} (8 JDK HttpClients sharing the sockets).
 */
public final class WsFanoutBench {

    private WsFanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("subscribers", 1000);
        int updates = Integer.getInteger("updates", 20);
        int warmup = Integer.getInteger("warmup", 5);
        int gapMillis = Integer.getInteger("gap-ms", 100);
        int clients = Integer.getInteger("clients", 8);
        Path dataDir = Files.createTempDirectory("ws-fanout-bench");

        ConfigurableApplicationContext app = new SpringApplicationBuilder(MigrationPlatformApplication.class)
                .profiles("test")
                .run("--server.port=0", "--migrate.data-dir=" + dataDir, "--migrate.live.heartbeat-interval=25s",
                        "--logging.level.io.migrationplatform=WARN", "--server.tomcat.threads.max=200",
                        // One viewer holds every connection here: the per-user limit is not what this measures.
                        "--migrate.live.max-connections-per-user=" + (subscribers + 1));
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            FlowUpdates flowUpdates = app.getBean(FlowUpdates.class);
            TestTenants tenants = new TestTenants(new ApiClient("http://localhost:" + port));
            TestTenants.Tenant tenant = tenants.createTenant("bench");
            TestTenants.User viewer = tenants.createUser(tenant, "viewer");
            String url = "ws://localhost:" + port + "/ws/flow-updates/" + tenant.accountId() + "/" + tenant.engagementId()
                    + "?token=" + viewer.accessToken();

            int total = warmup + updates;
            long[][] received = new long[total][subscribers];
            CountDownLatch[] arrived = new CountDownLatch[total];
            for (int i = 0; i < total; i++) {
                arrived[i] = new CountDownLatch(subscribers);
            }
            ExecutorService listenerThreads = Executors.newFixedThreadPool(Math.max(2, clients));
            List<HttpClient> httpClients = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                httpClients.add(HttpClient.newBuilder().executor(listenerThreads).build());
            }
            long connectStart = System.nanoTime();
            List<WebSocket> sockets = new ArrayList<>();
            List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
            for (int s = 0; s < subscribers; s++) {
                pending.add(httpClients.get(s % clients).newWebSocketBuilder()
                        .buildAsync(URI.create(url), new Recorder(s, received, arrived)));
                if (pending.size() == 50) { // connect in waves, as clients arriving over a moment would
                    for (CompletableFuture<WebSocket> socket : pending) {
                        sockets.add(socket.get(30, TimeUnit.SECONDS));
                    }
                    pending.clear();
                }
            }
            for (CompletableFuture<WebSocket> socket : pending) {
                sockets.add(socket.get(30, TimeUnit.SECONDS));
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

            long[] published = new long[total];
            long[] publishCall = new long[total];
            UUID flowId = UUID.randomUUID();
            for (int i = 0; i < total; i++) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("status", "running");
                data.put("phase", "asset_inventory");
                data.put("progress", i * 100 / total);
                data.put("flow_type", "discovery");
                data.put("seq", i);
                data.put("counts", Map.of("rows", 100_000, "processed", i * 5_000, "errors", 3));
                FlowUpdate update = new FlowUpdate(flowId, tenant.accountId(), tenant.engagementId(), data, Instant.now());
                published[i] = System.nanoTime();
                flowUpdates.publish(update);
                publishCall[i] = System.nanoTime() - published[i];
                if (!arrived[i].await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("update " + i + " reached only " + (subscribers - arrived[i].getCount())
                            + " of " + subscribers + " subscribers in 60 s");
                }
                Thread.sleep(gapMillis);
            }

            long[] latencies = new long[updates * subscribers];
            long[] lastArrival = new long[updates];
            int n = 0;
            for (int i = warmup; i < total; i++) {
                long last = 0;
                for (int s = 0; s < subscribers; s++) {
                    long latency = received[i][s] - published[i];
                    latencies[n++] = latency;
                    last = Math.max(last, latency);
                }
                lastArrival[i - warmup] = last;
            }
            Arrays.sort(latencies);
            Arrays.sort(lastArrival);
            long[] calls = Arrays.copyOfRange(publishCall, warmup, total);
            Arrays.sort(calls);
            System.out.println("RESULT subscribers=" + subscribers + " updates=" + updates + " warmup=" + warmup
                    + " gap_ms=" + gapMillis + " connect_s=" + String.format("%.2f", connectSeconds));
            System.out.println("| measure | p50 | p99 | max |");
            System.out.println("|---|---|---|---|");
            System.out.println("| publish → received, each of " + (updates * subscribers) + " deliveries | "
                    + ms(percentile(latencies, 50)) + " | " + ms(percentile(latencies, 99)) + " | " + ms(latencies[latencies.length - 1]) + " |");
            System.out.println("| publish → last of the " + subscribers + " subscribers, per update | "
                    + ms(percentile(lastArrival, 50)) + " | " + ms(percentile(lastArrival, 99)) + " | " + ms(lastArrival[lastArrival.length - 1]) + " |");
            System.out.println("| `publish()` call itself | " + ms(percentile(calls, 50)) + " | " + ms(percentile(calls, 99))
                    + " | " + ms(calls[calls.length - 1]) + " |");

            for (WebSocket socket : sockets) {
                socket.abort();
            }
            listenerThreads.shutdownNow();
        } finally {
            app.close();
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    /** Records when each update (by its "seq") reached this subscriber. */
    private static final class Recorder implements WebSocket.Listener {
        private final int subscriber;
        private final long[][] received;
        private final CountDownLatch[] arrived;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicLong messages = new AtomicLong();

        Recorder(int subscriber, long[][] received, CountDownLatch[] arrived) {
            this.subscriber = subscriber;
            this.received = received;
            this.arrived = arrived;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                int at = text.indexOf("\"seq\":");
                if (at >= 0) {
                    int end = at + 6;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                    int seq = Integer.parseInt(text.substring(at + 6, end));
                    received[seq][subscriber] = now;
                    arrived[seq].countDown();
                }
                messages.incrementAndGet();
            }
            webSocket.request(1);
            return null;
        }
    }
}
