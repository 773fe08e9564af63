package io.migrationplatform.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls {@link MigrateCommand} makes, over plain HTTP; an error answer becomes an {@link ApiException} with its message. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    /** The server refused a call (status 0: no answer, or a flow that did not complete). */
    static final class ApiException extends IOException {
        private final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private final List<String> scopeHeaders = new ArrayList<>();

    ApiClient(String base) {
        this.base = base;
    }

    void login(String email, String password) throws IOException {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        JsonNode answer = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), "log in");
        token = answer.path("access_token").asString();
    }

    /** Every later call works in this client account and engagement. */
    void scope(String account, String engagement) {
        scopeHeaders.clear();
        scopeHeaders.addAll(List.of("X-Client-Account-ID", account, "X-Engagement-ID", engagement));
    }

    JsonNode get(String path) throws IOException {
        return send(request(path).GET(), "GET " + path);
    }

    JsonNode post(String path, Map<String, ?> body) throws IOException {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body)));
        return send(request, "POST " + path);
    }

    JsonNode upload(String path, Path file) throws IOException {
        String boundary = "----migrate" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail)));
        return send(request, "upload " + file.getFileName());
    }

    /** Saves a download under the server's file name in {@code directory}; returns its path. */
    Path download(String path, Path directory) throws IOException {
        HttpResponse<byte[]> response = exchange(request(path).GET(), "GET " + path, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw refused("GET " + path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        String name = response.headers().firstValue("Content-Disposition").map(FILENAME::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElse("export.csv");
        Path target = directory.resolve(Path.of(name).getFileName());
        Files.write(target, response.body());
        return target;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < scopeHeaders.size(); i += 2) {
            builder.header(scopeHeaders.get(i), scopeHeaders.get(i + 1));
        }
        return builder;
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("Not a usable MIGRATE_URL: " + base));
        }
    }

    private JsonNode send(HttpRequest.Builder request, String what) throws IOException {
        HttpResponse<String> response = exchange(request, what, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw refused(what, response.statusCode(), response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, String what, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request.build(), handler);
        } catch (ConnectException e) {
            throw new ApiException(0, "no server answers at " + base + " (start it, or set MIGRATE_URL)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + what, e);
        }
    }

    /** The error envelope's message and field errors, readable. */
    private static ApiException refused(String what, int status, String body) {
        String message = body;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            message = error.path("message").asString(body);
            List<String> fields = new ArrayList<>();
            for (JsonNode field : error.at("/details/field_errors")) {
                fields.add(field.path("field").asString() + ": " + field.path("message").asString());
            }
            if (!fields.isEmpty()) {
                message += " (" + String.join("; ", fields) + ")";
            }
        } catch (RuntimeException e) {
            // not JSON: keep the text
        }
        return new ApiException(status, what + " answered " + status + ": " + message);
    }
}
