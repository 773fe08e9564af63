package io.migrationplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Builds asset bodies and creates assets over the API. */
public final class AssetFixtures {

    private AssetFixtures() {
    }

    public static Map<String, Object> asset(String name, String type, String environment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("asset_type", type);
        body.put("environment", environment);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    public static JsonNode create(ApiClient client, Map<String, Object> body) {
        ApiClient.Response response = client.post("/api/v1/assets", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public static String id(JsonNode asset) {
        return asset.get("id").asString();
    }
}
