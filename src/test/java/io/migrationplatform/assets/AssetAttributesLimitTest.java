package io.migrationplatform.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.platform.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Attributes may hold at most 65,536 bytes of JSON as written (escapes and multi-byte characters count as they are written). */
class AssetAttributesLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 65_536;

    private static Map<String, Object> body(Map<String, Object> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "a");
        body.put("asset_type", "server");
        body.put("environment", "prod");
        body.put("attributes", attributes);
        return body;
    }

    /** {"k":"<filler>"} padded with {@code unit} until its JSON is exactly {@code bytes} long (or one unit short of it). */
    private static Map<String, Object> sized(String unit, int bytes) {
        int unitBytes = JSON.writeValueAsString(unit).getBytes(StandardCharsets.UTF_8).length - 2;
        int overhead = JSON.writeValueAsString(Map.of("k", "")).getBytes(StandardCharsets.UTF_8).length;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("k", unit.repeat((bytes - overhead) / unitBytes) + "x".repeat((bytes - overhead) % unitBytes));
        assertThat(JSON.writeValueAsString(attributes).getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return attributes;
    }

    @Test
    void exactlyAtTheLimitIsAcceptedOneByteMoreIsNot() {
        for (String unit : List.of("a", "é", "中", "😀", "\"", "\\", "\n", "\u0001")) {
            assertThat(AssetValidator.validate(body(sized(unit, LIMIT)), true).get(AssetField.ATTRIBUTES)).as(unit).isNotNull();
            assertThatThrownBy(() -> AssetValidator.validate(body(sized(unit, LIMIT + 1)), true)).as(unit)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get(0).type()).isEqualTo("too_large"));
        }
    }

    @Test
    void nestedValuesNumbersAndListsCountToo() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("numbers", List.of(1, 2.5, 1.0E10, -3L, true, false));
        nested.put("none", null);
        nested.put("deeper", Map.of("list", List.of("x".repeat(40_000))));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("nested", nested);
        attributes.put("more", "y".repeat(25_000));
        assertThat(JSON.writeValueAsString(attributes).getBytes(StandardCharsets.UTF_8).length).isLessThan(LIMIT);
        assertThat(AssetValidator.validate(body(attributes), true).get(AssetField.ATTRIBUTES)).isEqualTo(attributes);
        attributes.put("more", "y".repeat(26_000));
        assertThat(JSON.writeValueAsString(attributes).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT);
        assertThatThrownBy(() -> AssetValidator.validate(body(attributes), true)).isInstanceOf(ValidationException.class);
    }
}
