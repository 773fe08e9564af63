package io.migrationplatform.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a service raises on purpose: it carries the HTTP status and a message meant for the
 * client. {@link GlobalExceptionHandler} turns it into the error envelope; services never build
 * HTTP responses themselves.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> details;

    public ApiException(HttpStatus status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(HttpStatus status, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
