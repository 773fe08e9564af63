package io.migrationplatform.platform.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become HTTP answers, always in the seed's error envelope.
 * Client mistakes get a precise 4xx; anything unexpected is logged in full (with the request id
 * from the MDC) and answered with a bare 500 that reveals no class, stack or SQL.
 */
@RestControllerAdvice
@Order(0)
public class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final RequestLimits limits;

    GlobalExceptionHandler(RequestLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ErrorEnvelope> tooManyRequests(TooManyRequestsException e, HttpServletRequest request) {
        return envelope(e.status(), e.getMessage(), e.details(), request,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e, HttpServletRequest request) {
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            return envelope(e.status(), e.getMessage(), e.details(), request,
                    headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        return envelope(e.status(), e.getMessage(), e.details(), request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorEnvelope> notFound(Exception e, HttpServletRequest request) {
        return envelope(HttpStatus.NOT_FOUND, "Not found: " + request.getMethod() + " " + request.getRequestURI(), Map.of(), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        List<String> allowed = e.getSupportedHttpMethods() == null ? List.of()
                : e.getSupportedHttpMethods().stream().map(Object::toString).sorted().toList();
        return envelope(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " not allowed",
                Map.of("allowed_methods", allowed), request,
                headers -> headers.set(HttpHeaders.ALLOW, String.join(", ", allowed)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        List<String> supported = e.getSupportedMediaTypes().stream().map(Object::toString).toList();
        // What the client sent, not Spring's reading of it (a missing type is read as application/octet-stream,
        // an unparsable one as none).
        String header = request.getContentType();
        String message = header == null || header.isBlank() ? "A request body needs a Content-Type (application/json)"
                : "Unsupported content type: " + (header.length() > 100 ? header.substring(0, 100) + "…" : header);
        return envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message,
                Map.of("supported_media_types", supported), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
            return api(tooLarge, request);
        }
        List<FieldError> errors = UnreadableJsonBody.fieldErrors(e);
        return errors.isEmpty() ? envelope(HttpStatus.BAD_REQUEST, UnreadableJsonBody.message(e), Map.of(), request)
                : validation(errors, request);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ErrorEnvelope> bind(BindException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(f.isBindingFailure()
                ? new FieldError(snake(f.getField()), "Invalid value: expected " + expected(e, f.getField()), "type_error")
                : new FieldError(snake(f.getField()), f.getDefaultMessage(), "value_error")));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage(), "value_error")));
        return validation(errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorEnvelope> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> errors.add(new FieldError(name, err.getDefaultMessage(), "value_error")));
        });
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase();
        return validation(List.of(new FieldError(e.getName(), "Invalid value: expected " + expected, "type_error")), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorEnvelope> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getParameterName(), "Field required", "missing")), request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorEnvelope> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getRequestPartName(), "Field required", "missing")), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return validation(List.of(new FieldError(e.getHeaderName(), "Header required", "missing")), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorEnvelope> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return multipartLimit(e, request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorEnvelope> multipart(MultipartException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof IllegalStateException ise && ise.getMessage() != null
                && ise.getMessage().contains("exceeds")) {
            return multipartLimit(e, request);
        }
        return envelope(HttpStatus.BAD_REQUEST, "Malformed multipart request", Map.of(), request);
    }

    /** Which multipart limit was broken: the number of parts (Tomcat's max-part-count) or the size. */
    private ResponseEntity<ErrorEnvelope> multipartLimit(MultipartException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return envelope(HttpStatus.CONTENT_TOO_LARGE, "Too many parts in the multipart body: at most " + limits.maxPartCount()
                        + "; send the file alone, in the part named 'file'", Map.of("max_parts", limits.maxPartCount()), request);
            }
        }
        return envelope(HttpStatus.CONTENT_TOO_LARGE, "Upload too large: at most " + limits.maxUploadBytes() + " bytes",
                Map.of("max_bytes", limits.maxUploadBytes()), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorEnvelope> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return envelope(HttpStatus.FORBIDDEN, "Access denied", Map.of(), request);
    }

    /** The client went away mid-response (closed the connection, timed out): nothing to answer, nothing to alarm. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("Client disconnected during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    /**
     * The firewall checks some parts of a request (parameter names) only when they are read, which is after
     * the security filters: the same 400 as a refusal at the door, without quoting what was refused.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ErrorEnvelope> rejected(RequestRejectedException e, HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "The request was rejected: a parameter name, header or path contains characters that are not allowed",
                Map.of(), request);
    }

    /** A wildcard or unparsable Content-Type is the client's mistake, not ours. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ErrorEnvelope> invalidMediaType(InvalidMediaTypeException e, HttpServletRequest request) {
        return envelope(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported or malformed Content-Type", Map.of(), request);
    }

    /** The database is unreachable (down, restarting, pool exhausted): fail fast with 503, the client may retry. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class})
    ResponseEntity<ErrorEnvelope> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return envelope(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, Map.of(),
                request, headers -> headers.set(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        if (isMalformedParameters(e)) {
            // Never log the message: it quotes the raw parameters, passwords included.
            if (isTooManyParameters(e)) {
                return envelope(HttpStatus.BAD_REQUEST, "Too many query or form parameters: at most " + limits.maxParameterCount(),
                        Map.of("max_parameters", limits.maxParameterCount()), request);
            }
            return envelope(HttpStatus.BAD_REQUEST, "Malformed query string or form body (bad percent-encoding or characters)",
                    Map.of(), request);
        }
        if (isClientAbort(e)) {
            log.debug("Client disconnected during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        if (e.getCause() instanceof ApiException api) {
            return api(api, request);
        }
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // Any other framework exception that already knows its 4xx status (406, bad conversion, ...).
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return envelope(status, status.getReasonPhrase(), Map.of(), request);
        }
        if (DatabaseUnavailable.is(e)) {
            return databaseUnavailable(e, request); // e.g. the rollback of a transaction whose connection the database dropped
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", Map.of(), request);
    }

    /** Tomcat refuses a query string or form body it cannot decode (bad %-escapes, invalid UTF-8, too many fields). */
    private static boolean isMalformedParameters(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat's message for it (it has no class of its own): "More than the maximum number of request parameters ...". */
    private static boolean isTooManyParameters(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("maximum number of request parameters")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<ErrorEnvelope> validation(List<FieldError> errors, HttpServletRequest request) {
        return envelope(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed", Map.of("field_errors", errors), request);
    }

    private static ResponseEntity<ErrorEnvelope> envelope(HttpStatus status, String message, Map<String, Object> details,
                                                          HttpServletRequest request) {
        return envelope(status, message, details, request, headers -> { });
    }

    private static ResponseEntity<ErrorEnvelope> envelope(HttpStatus status, String message, Map<String, Object> details,
                                                          HttpServletRequest request,
                                                          java.util.function.Consumer<HttpHeaders> headers) {
        HttpHeaders h = new HttpHeaders();
        headers.accept(h);
        return ResponseEntity.status(status).headers(h)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.of(status.value(), message, details, request.getRequestURI(), request.getMethod()));
    }

    /** The expected type of a bound field, in client words (never a Java class name). */
    private static String expected(BindException e, String field) {
        Class<?> type = e.getBindingResult().getFieldType(field);
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "a valid value";
    }

    /** Bean validation reports Java property names; clients know the snake_case JSON names. */
    static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
