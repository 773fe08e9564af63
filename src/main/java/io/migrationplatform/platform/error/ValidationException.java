package io.migrationplatform.platform.error;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 422 with {@code details.field_errors}: the request is well-formed but its values are not acceptable. */
public class ValidationException extends ApiException {

    private final List<FieldError> fieldErrors;

    public ValidationException(List<FieldError> fieldErrors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed", Map.of("field_errors", fieldErrors));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ValidationException of(String field, String message, String type) {
        return new ValidationException(List.of(new FieldError(field, message, type)));
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
