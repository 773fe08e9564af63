package io.migrationplatform.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The seed's list envelope: {@code success, data, message, errors, metadata, timestamp}. */
public record ApiResponse<T>(boolean success, T data, String message, List<String> errors, Map<String, Object> metadata,
                             Instant timestamp) {

    public static <T> ApiResponse<T> of(T data, String message) {
        return new ApiResponse<>(true, data, message, List.of(), Map.of(), Instant.now());
    }

    public static <T> ApiResponse<List<T>> page(List<T> items, PageParams page, long total, String noun) {
        return new ApiResponse<>(true, items, "Retrieved " + items.size() + " " + noun, List.of(),
                Map.of("pagination", PaginationMetadata.of(page, total)), Instant.now());
    }
}
