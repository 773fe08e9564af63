package io.migrationplatform.faults;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packaged service ({@code target/migration-platform.jar}, built by {@code mvn verify} before the
 * integration tests run) as a real operating-system process: started with its own environment, on its
 * own port, its output in {@code target/fault-logs/}, and stopped gracefully or killed with SIGKILL —
 * what a crash, an OOM kill or a pulled plug does, which no in-JVM context close can imitate.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "faults@example.com";
    static final String ADMIN_PASSWORD = "faults-admin-password";
    private static final Path TARGET = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().resolve("target");
    private static final Path JAR = TARGET.resolve("migration-platform.jar");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on {@code jdbcUrl} with {@code extra} environment variables and waits until it is ready. */
    static ServiceProcess start(String name, String jdbcUrl, Map<String, String> extra) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run the packaged service (mvn verify builds it first)");
        }
        int port = freePort();
        Path log = TARGET.resolve("fault-logs").resolve(SEQUENCE.incrementAndGet() + "-" + name + ".log");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MIGRATE_JWT_SECRET", "fault-tests-secret-0123456789-0123456789-0123");
        env.put("MIGRATE_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("MIGRATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // A killed instance's running work is taken over once its heartbeats stop: seconds, not minutes, here.
        env.put("MIGRATE_TASKS_HEARTBEAT_INTERVAL", "500ms");
        env.put("MIGRATE_TASKS_POLLING_INTERVAL", "200ms");
        env.put("MIGRATE_TASKS_SHUTDOWN_MAX_WAIT", "1s");
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("MIGRATE_"));
            builder.environment().putAll(env);
            ServiceProcess service = new ServiceProcess(builder.start(), port, log);
            service.awaitReady(Duration.ofSeconds(120));
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Polling.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** An administrator's client (the platform administrator created on the first start). */
    ApiClient admin() {
        ApiClient api = new ApiClient(baseUrl());
        String token = api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .json().get("access_token").asString();
        return api.withToken(token);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, connections cut mid-transaction. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
