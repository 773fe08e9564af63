package io.migrationplatform.planning;

import static io.migrationplatform.support.AssetFixtures.asset;
import static io.migrationplatform.support.AssetFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.Polling;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;

/** Helpers of the wave planning API tests: dependencies set up, plans awaited and read. */
final class PlanningFixtures {

    private static final String WAVES = "/api/v1/waves";

    private PlanningFixtures() {
    }

    static Map<String, Object> withCriticality(Map<String, Object> body, String criticality) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("criticality", criticality);
        return copy;
    }

    static void dependsOn(ApiClient client, String asset, String dependency) {
        ApiClient.Response added = client.post("/api/v1/assets/" + asset + "/dependencies", Map.of("depends_on_asset_id", dependency));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    static Map<String, String> assetIds(ApiClient client) {
        Map<String, String> ids = new HashMap<>();
        client.get("/api/v1/assets?page_size=100").json().get("data").forEach(a -> ids.put(a.get("name").asString(), a.get("id").asString()));
        return ids;
    }

    static Map<String, Integer> waveOf(JsonNode plan) {
        Map<String, Integer> waves = new HashMap<>();
        for (JsonNode wave : plan.get("waves")) {
            wave.get("assets").forEach(a -> waves.put(a.get("name").asString(), wave.get("wave_number").asInt()));
        }
        return waves;
    }

    static Set<Integer> waves(Map<String, Integer> waveOf, String... names) {
        Set<Integer> waves = new HashSet<>();
        for (String name : names) {
            waves.add(waveOf.get(name));
        }
        return waves;
    }

    static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode value : counts) {
            total += value.asInt();
        }
        return total;
    }

    static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    static JsonNode await(ApiClient client, String planId) {
        return Polling.until(() -> client.get(WAVES + "/" + planId).json(),
                json -> json.get("status").asString().matches("completed|failed|applied"), Duration.ofSeconds(60), "wave plan");
    }
}
