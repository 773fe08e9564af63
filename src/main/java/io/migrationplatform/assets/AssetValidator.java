package io.migrationplatform.assets;

import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one set of rules for asset input, used by the API and by imports alike. It reports every
 * problem of a request at once (as {@code field_errors}) and normalises what it accepts: trimmed
 * text, lower-case vocabularies, de-duplicated lists, canonical IP addresses.
 */
public final class AssetValidator {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_LEADING_ZEROS = Pattern.compile("(^|\\.)0+(\\d)");
    private static final int MAX_ATTRIBUTE_DEPTH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssetValidator() {
    }

    /** Validates a create (name, asset_type and environment required) or a partial update. */
    public static AssetValues validate(Map<String, Object> body, boolean create) {
        List<FieldError> errors = new ArrayList<>();
        Map<AssetField, Object> values = new EnumMap<>(AssetField.class);
        if (body == null) {
            throw ValidationException.of("body", "A JSON object is required", "missing");
        }
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            String name = entry.getKey();
            if (AssetField.READ_ONLY.contains(name)) {
                errors.add(new FieldError(name, "Read-only field: set by the server", "read_only"));
                continue;
            }
            AssetField field = AssetField.byName(name).orElse(null);
            if (field == null) {
                errors.add(new FieldError(name, "Unknown field", "extra_forbidden"));
                continue;
            }
            try {
                values.put(field, normalise(field, entry.getValue()));
            } catch (InvalidValue e) {
                errors.add(new FieldError(name, e.getMessage(), e.type));
            }
        }
        if (create) {
            for (AssetField required : List.of(AssetField.NAME, AssetField.ASSET_TYPE, AssetField.ENVIRONMENT)) {
                if (!body.containsKey(required.jsonName())) {
                    errors.add(new FieldError(required.jsonName(), "Field required", "missing"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AssetValues(values);
    }

    private static Object normalise(AssetField field, Object raw) {
        boolean required = field == AssetField.NAME || field == AssetField.ASSET_TYPE || field == AssetField.ENVIRONMENT
                || field == AssetField.STATUS;
        if (raw == null) {
            if (required) {
                throw new InvalidValue("May not be null", "value_error");
            }
            return switch (field.kind()) {
                case OBJECT -> Map.of();
                case TEXT_LIST, IP_LIST -> List.of();
                default -> null;
            };
        }
        return switch (field.kind()) {
            case TEXT -> text(field, raw, required);
            case CHOICE -> choice(field, raw);
            case OBJECT -> object(raw);
            case TEXT_LIST -> textList(field, raw, false);
            case IP_LIST -> textList(field, raw, true);
            case INTEGER -> integer(field, raw);
            case DECIMAL -> decimal(field, raw);
        };
    }

    private static String text(AssetField field, Object raw, boolean required) {
        if (!(raw instanceof String s)) {
            throw new InvalidValue("Must be a string", "string_type");
        }
        String value = s.strip();
        if (value.isEmpty()) {
            if (required) {
                throw new InvalidValue(field == AssetField.NAME ? "Asset name cannot be empty" : "May not be blank", "value_error");
            }
            return null;
        }
        if (value.length() > field.limitA()) {
            throw new InvalidValue("At most " + field.limitA() + " characters", "string_too_long");
        }
        rejectNul(value);
        return value;
    }

    private static String choice(AssetField field, Object raw) {
        if (!(raw instanceof String s)) {
            throw new InvalidValue("Must be a string", "string_type");
        }
        String value = s.strip().toLowerCase(Locale.ROOT);
        if (field == AssetField.ASSET_TYPE) {
            value = value.replace(' ', '_').replace('-', '_');
        }
        if (!field.choices().contains(value)) {
            throw new InvalidValue("Must be one of: " + String.join(", ", field.choices()), "enum");
        }
        return value;
    }

    private static Map<String, Object> object(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidValue("Must be a JSON object", "dict_type");
        }
        checkJson(map, 0);
        // Every import row has attributes: serialise only when a cheap upper bound does not already prove them small.
        long bound = jsonBytesAtMost(map);
        if ((bound < 0 || bound > AssetField.ATTRIBUTES.limitA())
                && JSON.writeValueAsString(map).getBytes(StandardCharsets.UTF_8).length > AssetField.ATTRIBUTES.limitA()) {
            throw new InvalidValue("At most " + AssetField.ATTRIBUTES.limitA() + " bytes of JSON", "too_large");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    /**
     * At least as many bytes as {@code value} takes as JSON (a character takes at most six, as an escape), or -1
     * for a type whose JSON length is not bounded here (then the value is serialised to know).
     */
    private static long jsonBytesAtMost(Object value) {
        if (value == null || value instanceof Boolean) {
            return 5;
        }
        if (value instanceof String s) {
            return 2 + 6L * s.length();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Double
                || value instanceof Float) {
            return 32;
        }
        long total = 2;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                long item = jsonBytesAtMost(e.getValue());
                if (!(e.getKey() instanceof String) || item < 0) {
                    return -1;
                }
                total += jsonBytesAtMost(e.getKey()) + 2 + item;
            }
            return total;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                long size = jsonBytesAtMost(item);
                if (size < 0) {
                    return -1;
                }
                total += size + 1;
            }
            return total;
        }
        return -1;
    }

    /** PostgreSQL's jsonb refuses NUL characters, and unbounded nesting is a denial of service. */
    private static void checkJson(Object value, int depth) {
        if (depth > MAX_ATTRIBUTE_DEPTH) {
            throw new InvalidValue("Nested deeper than " + MAX_ATTRIBUTE_DEPTH + " levels", "too_deep");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                rejectNul(String.valueOf(e.getKey()));
                checkJson(e.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                checkJson(item, depth + 1);
            }
        } else if (value instanceof String s) {
            rejectNul(s);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new InvalidValue("Numbers must be finite", "value_error");
        }
    }

    private static List<String> textList(AssetField field, Object raw, boolean ip) {
        if (!(raw instanceof List<?> list)) {
            throw new InvalidValue("Must be a list of strings", "list_type");
        }
        if (list.size() > field.limitB()) {
            throw new InvalidValue("At most " + field.limitB() + " items", "too_long");
        }
        Set<String> values = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new InvalidValue("Must be a list of strings", "string_type");
            }
            String value = s.strip();
            if (value.isEmpty()) {
                throw new InvalidValue("Items may not be blank", "value_error");
            }
            if (value.length() > field.limitA()) {
                throw new InvalidValue("Items are at most " + field.limitA() + " characters", "string_too_long");
            }
            rejectNul(value);
            values.add(ip ? ipAddress(value) : value);
        }
        return List.copyOf(values);
    }

    /** Canonical form of an IPv4 or IPv6 literal, without any name lookup. */
    public static String ipAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return IPV4_LEADING_ZEROS.matcher(value).replaceAll("$1$2");
        }
        if (value.contains(":") && IPV6.matcher(value).matches()) {
            try {
                return InetAddress.getByName(value).getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                // falls through to the error below
            }
        }
        throw new InvalidValue("Not a valid IP address: " + (value.length() > 50 ? value.substring(0, 50) + "..." : value),
                "ip_address");
    }

    private static Integer integer(AssetField field, Object raw) {
        long value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            value = ((Number) raw).longValue();
        } else if (raw instanceof BigInteger) {
            throw new InvalidValue("Must be between " + field.limitA() + " and " + field.limitB(), "value_error");
        } else {
            throw new InvalidValue("Must be an integer", "int_type");
        }
        if (value < field.limitA() || value > field.limitB()) {
            throw new InvalidValue("Must be between " + field.limitA() + " and " + field.limitB(), "value_error");
        }
        return (int) value;
    }

    private static Double decimal(AssetField field, Object raw) {
        if (!(raw instanceof Number number) || raw instanceof Byte) {
            throw new InvalidValue("Must be a number", "float_type");
        }
        double value = raw instanceof BigDecimal big ? big.doubleValue() : number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value) || value < field.limitA() || value > field.limitB()) {
            throw new InvalidValue("Must be between " + field.limitA() + " and " + field.limitB(), "value_error");
        }
        return Math.round(value * 100) / 100.0;
    }

    private static void rejectNul(String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidValue("May not contain NUL characters", "value_error");
        }
    }

    /** A single field's problem; collected into one 422 by {@link #validate}. */
    public static final class InvalidValue extends RuntimeException {
        private final String type;

        InvalidValue(String message, String type) {
            super(message, null, false, false);
            this.type = type;
        }

        public String type() {
            return type;
        }
    }
}
