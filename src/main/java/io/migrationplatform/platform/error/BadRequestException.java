package io.migrationplatform.platform.error;

import org.springframework.http.HttpStatus;

/** 400: a request the server cannot act on as sent (for example a batch above its limit). */
public class BadRequestException extends ApiException {

    public BadRequestException(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
