package io.migrationplatform.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Upload, execute and wait for imports over the API, as a client would. */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    public static byte[] resource(String name) {
        String path = name.contains("/") ? "/discovery/" + name : "/discovery/samples/" + name;
        try (InputStream in = ImportFixtures.class.getResourceAsStream(path)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode upload(ApiClient client, String filename, byte[] content) {
        ApiClient.Response response = client.upload("/api/v1/discovery/imports", "file", filename, content);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Executes and polls until the import has finished; returns the finished import. */
    public static JsonNode execute(ApiClient client, String importId) {
        ApiClient.Response started = client.post("/api/v1/discovery/imports/" + importId + "/execute", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("flow_id").asString()).hasSize(36);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode record = client.get("/api/v1/discovery/imports/" + importId).json();
            String status = record.get("status").asString();
            if (status.equals("completed") || status.equals("failed")) {
                return record;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + importId + " did not finish in time");
    }

    public static String mapping(JsonNode record, String column) {
        for (JsonNode m : record.get("mappings")) {
            if (m.get("source_column").asString().equals(column)) {
                return m.get("target_field").asString();
            }
        }
        return null;
    }
}
