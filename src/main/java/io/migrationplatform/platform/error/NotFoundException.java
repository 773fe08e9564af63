package io.migrationplatform.platform.error;

import org.springframework.http.HttpStatus;

/** 404. Also what an object of another tenant answers: never a hint that it exists. */
public class NotFoundException extends ApiException {

    public NotFoundException(String resource) {
        super(HttpStatus.NOT_FOUND, resource + " not found");
    }
}
