package io.migrationplatform.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Turns an operation of the OpenAPI document into a generated request: its path parameters from the known
 * ids (every tenant's, so object-level authorization is tried) or malformed ones, its query parameters
 * usually of the declared kind and often not, the tenant headers now and then pointing elsewhere, and a body
 * of the declared type or of the wrong one.
 */
final class FuzzRequests {

    /** A request ready to send; {@code body} null for none. */
    record FuzzRequest(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

        /** What the request itself carried, so an echo of it (an error's "path") is not taken for a leak. */
        String text() {
            return pathAndQuery + " " + headers + " " + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            String path = pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…" : pathAndQuery;
            return method + " " + path + " " + headers.keySet() + (body == null ? "" : " body(" + body.length + " bytes): " + shown);
        }
    }

    private static final String[] BAD_IDS = {"not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000", "null", "%20",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "..", "%2e%2e", "é", "x".repeat(3_000), "12345678-1234-1234-1234-1234567890123",
            "{id}", "*", "%E2%80%AE"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/xml", "application/x-yaml", "application/json; charset=ISO-8859-1",
            "multipart/form-data", "application/x-www-form-urlencoded", "*/*", "application/octet-stream", "garbage", "application/json;;",
            "text/csv", "application/json; charset=no-such-charset", "application/*"};

    private final Random random;
    private final FuzzValues values;
    private final List<String> ids;

    FuzzRequests(Random random, FuzzValues values, List<String> ids) {
        this.random = random;
        this.values = values;
        this.ids = ids;
    }

    FuzzRequest next(OpenApiOperations.Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        String path = op.path();
        List<String> query = new ArrayList<>();
        for (OpenApiOperations.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", encode(pathValue(op.streams())));
                case "query" -> {
                    if (values.chance(0.5)) {
                        query.add(encode(p.name()) + "=" + encode(values.parameter(p.schema())));
                    }
                }
                case "header" -> {
                    if (values.chance(0.2)) {
                        String value = values.chance(0.7) ? values.pick(ids) : values.pick(BAD_IDS);
                        headers.put(p.name(), value.length() > 200 ? value.substring(0, 200) : value);
                    }
                }
                default -> {
                }
            }
        }
        if (values.chance(0.1)) {
            query.add(encode(values.string()) + "=" + encode(values.string()));
        }
        if (values.chance(0.05)) {
            query.add(values.pick(new String[] {"page=0", "page=-1", "page_size=0", "page_size=1000000", "page=99999999999",
                    "page_size=1e3", "page=1&page=2", "sort_by=password_hash", "sort_order=sideways", "page_size=", "=", "&&&"}));
        }
        String pathAndQuery = query.isEmpty() ? path : path + "?" + String.join("&", query);
        byte[] body = null;
        if (op.bodyType() != null || values.chance(0.05)) {
            String type = op.bodyType() == null ? "application/json" : op.bodyType();
            if (type.startsWith("multipart/")) {
                String boundary = "fuzz" + random.nextInt(1_000_000);
                body = multipart(boundary);
                headers.put("Content-Type", values.chance(0.9) ? "multipart/form-data; boundary=" + boundary : values.pick(CONTENT_TYPES));
            } else if (type.equals("application/x-www-form-urlencoded")) {
                body = form().getBytes(StandardCharsets.UTF_8);
                headers.put("Content-Type", values.chance(0.9) ? type : values.pick(CONTENT_TYPES));
            } else {
                body = values.body(op.bodySchema()).getBytes(StandardCharsets.UTF_8);
                if (values.chance(0.9)) {
                    headers.put("Content-Type", values.chance(0.85) ? "application/json" : values.pick(CONTENT_TYPES));
                }
            }
        }
        if (values.chance(0.1)) {
            headers.put("If-Match", values.pick(new String[] {"\"1\"", "W/\"2\"", "*", "\"-5\"", "garbage", "\"99999999999999999999\""}));
        }
        return new FuzzRequest(op.method(), pathAndQuery, headers, body);
    }

    /**
     * An id for a path: a known one (any tenant's) or a malformed one. Streaming operations get no real ids: an
     * authorised subscription to a live flow stays open by design, which is not what this test is about.
     */
    private String pathValue(boolean streams) {
        if (values.chance(0.75)) {
            return streams ? UUID.randomUUID().toString() : values.pick(ids);
        }
        return values.chance(0.6) ? values.pick(BAD_IDS) : values.string();
    }

    private byte[] multipart(String boundary) {
        String part = values.chance(0.9) ? "file" : values.string();
        String filename = values.pick(new String[] {"export.csv", "export.xlsx", "data.json", "x.exe", "", "../../etc/passwd", "ü.tsv",
                "a\"b.csv"});
        byte[] content = switch (random.nextInt(6)) {
            case 0 -> new byte[0];
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(20_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 2 -> ("name,environment\n" + values.string() + "," + values.string() + "\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[{\"name\":" + FuzzValues.json(values.anyValue(1)) + "}]").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("hostname;ip\n" + "h;1.2.3.4\n".repeat(random.nextInt(500))).getBytes(StandardCharsets.UTF_8);
            default -> "PK\u0003\u0004not really a zip".getBytes(StandardCharsets.ISO_8859_1);
        };
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.replace("\"", "") + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + (values.chance(0.9) ? "--" : "") + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return body;
    }

    private String form() {
        List<String> fields = new ArrayList<>();
        for (String name : new String[] {"grant_type", "username", "password", "scope"}) {
            if (values.chance(0.8)) {
                fields.add(name + "=" + encode(values.chance(0.5) ? values.string() : "fuzz-" + random.nextInt(100)));
            }
        }
        return String.join("&", fields);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
