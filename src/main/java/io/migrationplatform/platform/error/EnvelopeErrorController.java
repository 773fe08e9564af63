package io.migrationplatform.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The container's error page (errors raised outside Spring MVC, e.g. in a filter or by Tomcat
 * itself) rendered in the same envelope as everything else, with no stack trace.
 */
@Hidden
@RestController
class EnvelopeErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorController.class);

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Object method = request.getAttribute("jakarta.servlet.error.method");
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")
                    || t instanceof HttpMessageNotReadableException) {
                // A body or parameters a filter could not read: the client's fault. Never logged: the message quotes
                // raw parameters, passwords included.
                status = HttpStatus.BAD_REQUEST;
                failure = null;
                break;
            }
        }
        if (status.is5xxServerError() && failure != null && DatabaseUnavailable.is(failure)) {
            // Raised before any controller (the principal is read in a security filter): the same 503 as from a controller.
            log.warn("Database unavailable on {}: {}", path, failure.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(ErrorEnvelope.of(HttpStatus.SERVICE_UNAVAILABLE.value(), DatabaseUnavailable.MESSAGE,
                            Map.of(), path, method == null ? request.getMethod() : method.toString()));
        }
        if (status.is5xxServerError() && failure != null) {
            log.error("Unhandled error on {}", path, failure);
        }
        String message = status.is5xxServerError() ? "Internal server error" : status.getReasonPhrase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.of(status.value(), message, Map.of(), path,
                        method == null ? request.getMethod() : method.toString()));
    }
}
