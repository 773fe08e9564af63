package io.migrationplatform.platform.web;

/** {@code metadata.pagination} of a list answer. */
public record PaginationMetadata(long total, int page, int pageSize, long pages, boolean hasNext, boolean hasPrev) {

    public static PaginationMetadata of(PageParams params, long total) {
        long pages = (total + params.pageSize() - 1) / params.pageSize();
        return new PaginationMetadata(total, params.page(), params.pageSize(), pages, params.page() < pages, params.page() > 1);
    }
}
