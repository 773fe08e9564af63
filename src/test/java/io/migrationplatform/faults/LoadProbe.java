package io.migrationplatform.faults;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Steady load from a few client threads, every answer recorded with the phase of the test it arrived in
 * (before, during and after a fault), so a test can say what each phase must have looked like.
 */
final class LoadProbe implements AutoCloseable {

    /** One request and what came back: status (-1: no answer at all), latency, Retry-After (or null), body. */
    record Outcome(String phase, String method, String path, int status, long millis, String retryAfter, String body) {

        boolean isEnvelope(int expectedStatus) {
            try {
                JsonNode error = ApiClient.JSON.readTree(body).get("error");
                return error != null && error.get("status_code").asInt() == expectedStatus && !error.get("message").asString().isBlank();
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return phase + " " + method + " " + path + " → " + status + " in " + millis + " ms: "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> createdIds = new ConcurrentLinkedQueue<>();
    private volatile String phase = "before";

    /**
     * {@code clients} threads, each sending the requests {@code next} makes from a request number, in turn,
     * with the bearer token; created assets (201 with an id) are remembered.
     */
    LoadProbe(String baseUrl, String token, int clients, Function<Long, String[]> next) {
        threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            threads.submit(() -> {
                while (running.get()) {
                    String[] call = next.apply(sequence.incrementAndGet()); // method, path, body (or null)
                    send(baseUrl, token, call[0], call[1], call.length > 2 ? call[2] : null);
                }
            });
        }
    }

    private void send(String baseUrl, String token, String method, String path, String body) {
        String inPhase = phase;
        long start = System.nanoTime();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        int status;
        String text;
        String retryAfter = null;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            text = response.body();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        } catch (Exception e) {
            status = -1;
            text = e.toString();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        outcomes.add(new Outcome(inPhase, method, path, status, millis, retryAfter, text));
        if (status == 201 && method.equals("POST")) {
            try {
                createdIds.add(ApiClient.JSON.readTree(text).get("id").asString());
            } catch (RuntimeException ignored) {
                // not an asset
            }
        }
        if (status != 200 && status != 201) {
            Polling.sleep(50); // a failing server is not hammered in a tight loop
        }
    }

    void phase(String name) {
        phase = name;
    }

    List<Outcome> outcomes(String inPhase) {
        return outcomes.stream().filter(o -> o.phase().equals(inPhase)).toList();
    }

    List<String> createdIds() {
        return new ArrayList<>(createdIds);
    }

    static Map<Integer, Long> statuses(List<Outcome> outcomes) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
        try {
            threads.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
