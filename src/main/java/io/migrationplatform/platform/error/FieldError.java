package io.migrationplatform.platform.error;

/** One entry of {@code details.field_errors}, shaped like the seed's (FastAPI/Pydantic) validation errors. */
public record FieldError(String field, String message, String type) {
}
