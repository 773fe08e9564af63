package io.migrationplatform.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 with the number of seconds the client should wait (sent as {@code Retry-After}). */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, message, Map.of("retry_after_seconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
