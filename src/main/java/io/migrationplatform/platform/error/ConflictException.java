package io.migrationplatform.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 409: the request is valid but clashes with the current state (duplicate, illegal transition). */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(HttpStatus.CONFLICT, message, details);
    }
}
