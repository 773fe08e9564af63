package io.migrationplatform.platform.error;

import java.time.Instant;
import java.util.Map;

/** The seed's error body: {@code {"error": {"message", "status_code", "details", "path", "method", "timestamp"}}}. */
public record ErrorEnvelope(Body error) {

    public record Body(String message, int statusCode, Map<String, Object> details, String path, String method,
                       Instant timestamp) {
    }

    public static ErrorEnvelope of(int status, String message, Map<String, Object> details, String path, String method) {
        return new ErrorEnvelope(new Body(message, status, details == null ? Map.of() : details, path, method, Instant.now()));
    }
}
