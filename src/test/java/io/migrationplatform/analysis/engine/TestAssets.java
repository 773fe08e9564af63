package io.migrationplatform.analysis.engine;

import io.migrationplatform.assets.Asset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Assets for engine tests, written as the API's snake_case JSON fields. */
final class TestAssets {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TestAssets() {
    }

    /** An asset from field/value pairs: {@code asset("name", "web-01", "operating_system", "RHEL 8")}. */
    static Asset asset(Object... fieldsAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "asset");
        fields.put("asset_type", "server");
        fields.put("environment", "prod");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fromJson(fields);
    }

    static Asset fromJson(Map<String, Object> fields) {
        Map<String, Object> withId = new LinkedHashMap<>(fields);
        withId.putIfAbsent("version", 1);
        withId.putIfAbsent("id", UUID.nameUUIDFromBytes(String.valueOf(fields.get("name")).getBytes()).toString());
        return JSON.convertValue(withId, Asset.class);
    }
}
