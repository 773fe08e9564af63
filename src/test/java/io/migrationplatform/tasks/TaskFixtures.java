package io.migrationplatform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Submit tasks and follow them over the API, as a client would. */
final class TaskFixtures {

    private TaskFixtures() {
    }

    static String submit(ApiClient client, String kind, Map<String, Object> input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("input", input);
        ApiClient.Response response = client.post("/api/v1/test-support/tasks", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("queued");
        return response.json().get("id").asString();
    }

    static JsonNode get(ApiClient client, String id) {
        ApiClient.Response response = client.get("/api/v1/tasks/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** Polls the task until it matches; fails after {@code seconds}. */
    static JsonNode awaitTask(ApiClient client, String id, Predicate<JsonNode> until, int seconds) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        JsonNode task = null;
        while (Instant.now().isBefore(deadline)) {
            task = get(client, id);
            if (until.test(task)) {
                return task;
            }
            Polling.sleep(100);
        }
        throw new AssertionError("task " + id + " did not get there in " + seconds + " s; last seen: " + task);
    }

    static JsonNode awaitFinished(ApiClient client, String id) {
        return awaitTask(client, id, t -> t.get("status").asString().equals("completed")
                || t.get("status").asString().equals("failed"), 30);
    }

    static Predicate<JsonNode> status(String status) {
        return t -> t.get("status").asString().equals(status);
    }
}
