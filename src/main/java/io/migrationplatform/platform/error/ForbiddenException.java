package io.migrationplatform.platform.error;

import org.springframework.http.HttpStatus;

/** 403: authenticated, but not allowed. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }

    /** The seed's wording, so clients of the original keep working. */
    public static ForbiddenException missingPermission(String permission) {
        return new ForbiddenException("Insufficient permissions. Required: " + permission);
    }
}
