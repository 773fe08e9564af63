package io.migrationplatform.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Values for the fuzzer: mostly what the schema asks for, often not — wrong types, missing and extra
 * fields (server-owned ones too), huge strings, unicode and control characters, negative and enormous
 * numbers, deep nesting — written as JSON text by hand, so that what no JSON library would produce
 * (lone surrogates, numbers beyond double, 5,000 levels of arrays) can be sent too.
 */
final class FuzzValues {

    /** Raw JSON text, written as it is. */
    record Raw(String json) {
    }

    private static final String[] STRANGE = {"", " ", "null", "NULL", "undefined", "0", "-1", "true", "NaN", "∞", "' OR '1'='1",
            "\"; DROP TABLE assets; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "\u0007\u001b[31m",
            "line\nbreak", "tab\there", "\u202Eevil", "👩‍👩‍👧‍👦", "ﷺ", "Ω≈ç√∫", "=HYPERLINK(\"x\")", "${jndi:ldap://x}", "{{7*7}}",
            "\\", "\"", "'", "\ud800", "\udfff", "2026-13-45", "9999-12-31T23:59:59Z", "P1D", "server", "prod", "admin", "super_admin"};
    private static final String[] NUMBERS = {"0", "-1", "-0", "1", "2147483648", "-2147483649", "9223372036854775808",
            "-9223372036854775809", "1e308", "1e400", "-1e400", "1.5", "0.0000001", "3.4028236e38", "123456789012345678901234567890"};
    private static final String[] SERVER_OWNED = {"id", "client_account_id", "engagement_id", "version", "created_by", "updated_by",
            "created_at", "updated_at", "deleted_at", "is_super_admin", "password_hash", "role", "roles", "status", "owner_id"};

    private final Random random;
    private final OpenApiOperations api;
    private final List<String> ids;

    FuzzValues(Random random, OpenApiOperations api, List<String> ids) {
        this.random = random;
        this.api = api;
        this.ids = ids;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A JSON body for {@code schema}, mutated at every level with a small probability. */
    String body(JsonNode schema) {
        int roll = random.nextInt(100);
        if (roll < 4) {
            return deep(200 + random.nextInt(5_000));
        }
        if (roll < 8) {
            return pick(new String[] {"", "{", "[", "}", "null", "[]", "\"text\"", "42", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,}",
                    "\u0000\u0001binary", "{\"a\":\"\\ud800\"}", "{\"a\":1}{\"b\":2}", "<?xml version=\"1.0\"?><a/>"});
        }
        if (roll < 10) {
            return "{\"padding\":\"" + "x".repeat(900_000 + random.nextInt(300_000)) + "\"}"; // around the 1 MB body limit
        }
        return json(value(schema, 0));
    }

    Object value(JsonNode schema, int depth) {
        JsonNode s = api.resolve(schema);
        if (depth > 6 || s == null || s.isMissingNode()) {
            return anyValue(depth);
        }
        if (chance(0.06)) {
            return anyValue(depth); // the wrong type (or the right one by chance)
        }
        if (s.has("enum")) {
            return chance(0.85) ? s.get("enum").get(random.nextInt(s.get("enum").size())).asString() : string();
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            JsonNode options = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
            return value(options.get(random.nextInt(options.size())), depth + 1);
        }
        String type = s.path("type").asString(s.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> object(s, depth);
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int n = chance(0.05) ? 1_000 + random.nextInt(6_000) : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(value(s.path("items"), depth + 1));
                }
                yield items;
            }
            case "integer", "number" -> chance(0.7) ? (Object) (long) random.nextInt(200) : new Raw(pick(NUMBERS));
            case "boolean" -> chance(0.9) ? random.nextBoolean() : pick(new String[] {"true", "yes", "1"});
            case "string" -> stringFor(s);
            default -> anyValue(depth);
        };
    }

    private Map<String, Object> object(JsonNode s, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
            if (chance(0.8)) {
                object.put(property.getKey(), chance(0.04) ? null : value(property.getValue(), depth + 1));
            }
        }
        if (s.path("additionalProperties").isObject() && chance(0.5)) {
            for (int i = random.nextInt(5); i > 0; i--) {
                object.put(string(), value(s.get("additionalProperties"), depth + 1));
            }
        }
        if (chance(0.1)) {
            object.put(chance(0.5) ? pick(SERVER_OWNED) : string(), anyValue(depth + 1));
        }
        return object;
    }

    private Object stringFor(JsonNode s) {
        String format = s.path("format").asString("");
        if (chance(0.75)) {
            switch (format) {
                case "uuid":
                    return chance(0.7) ? pick(ids) : UUID.randomUUID().toString();
                case "date":
                    return "2027-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                case "date-time":
                    return "2027-01-01T00:00:00Z";
                case "email":
                    return "fuzz-" + random.nextInt(1_000_000) + "@fuzz.example.com";
                default:
                    return "fuzz-" + random.nextInt(1_000_000);
            }
        }
        return string();
    }

    /** A strange string: a known troublemaker, random unicode with control characters, or a very long one. */
    String string() {
        int roll = random.nextInt(10);
        if (roll < 5) {
            return pick(STRANGE);
        }
        if (roll < 9) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.appendCodePoint(codePoint());
            }
            return text.toString();
        }
        return "y".repeat(1_000 + random.nextInt(chance(0.5) ? 10_000 : 200_000));
    }

    private int codePoint() {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(0x20);           // control characters
            case 1 -> 0x80 + random.nextInt(0x780);   // Latin, Greek, Cyrillic…
            case 2 -> 0x4E00 + random.nextInt(0x5000); // CJK
            case 3 -> 0x1F300 + random.nextInt(0x300); // emoji (surrogate pairs)
            case 4 -> 0xFFF0 + random.nextInt(0x10);  // specials, noncharacters
            default -> 0x20 + random.nextInt(0x5F);   // ASCII
        };
    }

    Object anyValue(int depth) {
        return switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> new Raw(pick(NUMBERS));
            case 3, 4 -> string();
            case 5 -> java.util.Arrays.asList(anyValue(depth + 1), anyValue(depth + 1));
            default -> java.util.Collections.singletonMap(string(), anyValue(depth + 1));
        };
    }

    /** {@code levels} of nested arrays or objects. */
    String deep(int levels) {
        boolean arrays = random.nextBoolean();
        return (arrays ? "[" : "{\"a\":").repeat(levels) + "1" + (arrays ? "]" : "}").repeat(levels);
    }

    /** A query or path value: usually the schema's kind, often not. */
    String parameter(JsonNode schema) {
        Object value = value(schema, 5);
        if (value instanceof Raw raw) {
            return raw.json();
        }
        return value instanceof String text ? text : json(value);
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** JSON string escaping; lone surrogates go out as \\u escapes, which JSON allows and Unicode does not. */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
