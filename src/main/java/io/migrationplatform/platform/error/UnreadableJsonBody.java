package io.migrationplatform.platform.error;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON body the parser or the binder refused, in a client's words (never a Java class name
 * or the parser's internals): field errors (422) when the JSON was well formed but a value did not fit, a message
 * (400) when it could not be read at all.
 */
final class UnreadableJsonBody {

    private static final String DUPLICATE = "Duplicate Object property";
    private static final Pattern MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");

    private UnreadableJsonBody() {
    }

    /** The fields that did not fit; empty when the body could not be read as JSON at all. */
    static List<FieldError> fieldErrors(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return List.of(new FieldError(path(unknown), "Unknown or read-only field", "extra_forbidden"));
        }
        if (!(cause instanceof MismatchedInputException mismatch)) {
            return List.of();
        }
        boolean readError = cause instanceof StreamReadException;
        if (mismatch.getPath().isEmpty()) {
            return readError ? List.of() : List.of(new FieldError("body", "Expected a JSON " + expectedShape(mismatch), "type_error"));
        }
        if (String.valueOf(mismatch.getOriginalMessage()).contains("NUL characters")) {
            return List.of(new FieldError(path(mismatch), "NUL characters are not allowed", "value_error"));
        }
        return readError ? List.of()
                : List.of(new FieldError(path(mismatch), "Invalid value: expected " + describe(mismatch.getTargetType()), "type_error"));
    }

    /** Why the body could not be read, for a 400. */
    static String message(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof StreamConstraintsException limit) {
            return constraintMessage(String.valueOf(limit.getOriginalMessage()));
        }
        if (cause instanceof StreamReadException read && String.valueOf(read.getOriginalMessage()).startsWith(DUPLICATE)) {
            String field = String.valueOf(read.getOriginalMessage()).substring(DUPLICATE.length()).strip();
            return "A field is sent twice in the JSON body: " + (field.length() > 100 ? field.substring(0, 100) + "…" : field);
        }
        return e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("Required request body")
                ? "Request body is missing" : "Malformed JSON request body";
    }

    /** Which of the JSON parser's limits a body broke, without the parser's internals. */
    static String constraintMessage(String parserMessage) {
        Matcher max = MAXIMUM.matcher(parserMessage);
        String limit = max.find() ? " (at most " + max.group(1) + ")" : "";
        if (parserMessage.contains("nesting depth")) {
            return "JSON body nested too deeply" + limit.replace(")", " levels)");
        }
        if (parserMessage.contains("String value length") || parserMessage.contains("Name length")) {
            return "JSON body holds a string that is too long" + limit.replace(")", " characters)");
        }
        if (parserMessage.contains("Number value length")) {
            return "JSON body holds a number that is too long" + limit.replace(")", " digits)");
        }
        return "JSON body exceeds the parser's limits";
    }

    /** A Java type in the words of a JSON client (never a class name). */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
        }
        return "a valid value";
    }

    private static String expectedShape(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "value";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "object";
        }
        return Collection.class.isAssignableFrom(target) || target.isArray() ? "array" : "value";
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : Integer.toString(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
