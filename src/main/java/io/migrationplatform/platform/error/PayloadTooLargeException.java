package io.migrationplatform.platform.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** 413: the body is larger than the configured limit. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Request body too large (limit " + limitBytes + " bytes)",
                Map.of("max_bytes", limitBytes));
    }
}
