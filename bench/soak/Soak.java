import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Soak load for bench/soak.sh: a mix of the inventory's reads and writes, first as fast as 16 workers go
 * (the mix's capacity on this machine), then at a fixed share of that rate for a long time (open loop: each
 * request is due at its own time, and its latency counts from then, so a stall shows up as latency instead
 * of quietly lowering the rate). Every window it records the rate reached, errors, p50/p99 and the server's
 * RSS and heap. Single-file program: {@code java bench/soak/Soak.java BASE TOKEN IDS_FILE PID SECONDS SHARE OUT}.
 */
public class Soak {

    record Call(String method, String path, String body) {
    }

    private static final int WINDOW_SECONDS = 10;
    private static final int MAX_IN_FLIGHT = 256;

    private final String base;
    private final String token;
    private final List<String> ids;
    private final long pid;
    private final HttpClient http;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final LongAdder overflow = new LongAdder();
    private final AtomicLong sampled = new AtomicLong();
    private final List<Long> latencies = new ArrayList<>();

    Soak(String base, String token, List<String> ids, long pid, ExecutorService executor) {
        this.base = base;
        this.token = token;
        this.ids = ids;
        this.pid = pid;
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The mix: mostly reads of single assets and pages, some searches, summaries and writes. */
    Call next(Random random) {
        String id = ids.get(random.nextInt(ids.size()));
        long n = sequence.incrementAndGet();
        int pick = random.nextInt(100);
        if (pick < 35) return new Call("GET", "/api/v1/assets/" + id, null);
        if (pick < 50) return new Call("GET", "/api/v1/assets?page_size=50&environment=prod&sort_by=name&page=" + (1 + random.nextInt(20)), null);
        if (pick < 62) return new Call("GET", "/api/v1/assets/summary", null);
        if (pick < 72) return new Call("GET", "/api/v1/assets?search=host" + (1000 + random.nextInt(9000)), null);
        if (pick < 80) return new Call("GET", "/api/v1/assets/" + id + "/dependencies", null);
        if (pick < 85) return new Call("GET", "/api/v1/asset-inventory/audit/" + id, null);
        if (pick < 92) return new Call("PUT", "/api/v1/assets/" + id, "{\"business_owner\":\"soak " + n + "\",\"cpu_utilization_pct\":" + (n % 100) + "}");
        return new Call("POST", "/api/v1/assets", "{\"name\":\"soak-" + ProcessHandle.current().pid() + "-" + n
                + "\",\"asset_type\":\"server\",\"environment\":\"dev\",\"hostname\":\"soak-" + n + ".example.com\",\"cpu_cores\":2}");
    }

    HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (call.body() == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofString(call.body())).build();
    }

    void record(long dueNanos, int status) {
        long latency = System.nanoTime() - dueNanos;
        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (status < 200 || status >= 300) {
            errors.increment();
        }
        done.increment();
        synchronized (latencies) {
            latencies.add(latency);
        }
    }

    /** Closed loop: {@code workers} threads, each sending its next request when the last one answered. */
    double capacity(int workers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        LongAdder count = new LongAdder();
        for (int w = 0; w < workers; w++) {
            int seed = w;
            pool.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) {
                    try {
                        http.send(request(next(random)), HttpResponse.BodyHandlers.discarding());
                        count.increment();
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return count.sum() / (double) seconds;
    }

    /** Open loop at {@code rate} requests/s for {@code seconds}; prints one table row per window. */
    void soak(double rate, int seconds, StringBuilder out) throws Exception {
        errors.reset();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Random random = new Random(42);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long nextWindow = start + TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
        long due = start;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long windowDone = 0;
        long windowErrors = 0;
        out.append("| minute | requests/s | errors | p50 ms | p99 ms | max ms | RSS MiB | heap used MiB |\n|---|---|---|---|---|---|---|---|\n");
        while (due < end) {
            long now = System.nanoTime();
            if (now < due) {
                TimeUnit.NANOSECONDS.sleep(Math.min(due - now, 2_000_000));
                continue;
            }
            if (now >= nextWindow) {
                long[] window;
                synchronized (latencies) {
                    window = latencies.stream().mapToLong(Long::longValue).toArray();
                    latencies.clear();
                }
                Arrays.sort(window);
                long d = done.sum() - windowDone;
                long e = errors.sum() - windowErrors;
                windowDone += d;
                windowErrors += e;
                String row = String.format("| %.1f | %.0f | %d | %.1f | %.1f | %.1f | %d | %d |%n", (now - start) / 60e9, d / (double) WINDOW_SECONDS, e,
                        pct(window, 0.50), pct(window, 0.99), window.length == 0 ? 0 : window[window.length - 1] / 1e6, rssMiB(), heapMiB());
                out.append(row);
                System.out.print(row);
                nextWindow += TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
            }
            long scheduled = due;
            due += interval;
            if (!inFlight.tryAcquire()) {
                overflow.increment(); // the server fell far behind: counted as an error, not queued without bound
                errors.increment();
                continue;
            }
            Call call = next(random);
            http.sendAsync(request(call), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                int status = failure != null ? -1 : response.statusCode();
                record(scheduled, status);
                if ((status < 200 || status >= 300) && sampled.getAndIncrement() < 10) {
                    System.err.println("error sample: " + status + " " + call.method() + " " + call.path()
                            + (failure != null ? " " + failure : ""));
                }
                inFlight.release();
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // the server is gone: shows as 0
        }
        return 0;
    }

    /** Heap in use, from the server's Prometheus endpoint (the sum over its heap pools). */
    long heapMiB() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
            return (long) (sum / (1024 * 1024));
        } catch (Exception e) {
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String> ids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        long pid = Long.parseLong(args[3]);
        int seconds = Integer.parseInt(args[4]);
        double share = Double.parseDouble(args[5]);
        Path out = Path.of(args[6]);
        ExecutorService executor = Executors.newFixedThreadPool(8);
        Soak soak = new Soak(base, token, ids, pid, executor);
        soak.capacity(16, 10); // warm-up
        double capacity = soak.capacity(16, 30);
        double rate = capacity * share;
        StringBuilder report = new StringBuilder();
        report.append(String.format("Capacity of the mix (16 workers, closed loop, 30 s): %.0f requests/s; soak at %.0f%%: %.0f requests/s for %d s.%n%n",
                capacity, share * 100, rate, seconds));
        System.out.print(report);
        soak.statuses.clear();
        soak.done.reset();
        soak.soak(rate, seconds, report);
        report.append(String.format("%nStarted %s. Requests: %d; errors: %d (%d because more than %d were waiting); statuses: %s.%n",
                Instant.now().minusSeconds(seconds), soak.done.sum(), soak.errors.sum(), soak.overflow.sum(), MAX_IN_FLIGHT,
                new java.util.TreeMap<>(soak.statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())))));
        Files.writeString(out, report.toString());
        executor.shutdownNow();
        System.exit(soak.errors.sum() == 0 ? 0 : 1);
    }
}
