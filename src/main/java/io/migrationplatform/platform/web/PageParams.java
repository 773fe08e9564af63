package io.migrationplatform.platform.web;

import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** The seed's pagination parameters, validated: {@code page >= 1}, {@code 1 <= page_size <= 100}. */
public record PageParams(int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Beyond this, OFFSET scans become a denial of service; ask for filters instead. */
    public static final int MAX_PAGE = 1_000_000;

    public static PageParams of(Integer page, Integer pageSize) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        List<FieldError> errors = new ArrayList<>();
        if (p < 1 || p > MAX_PAGE) {
            errors.add(new FieldError("page", "Must be between 1 and " + MAX_PAGE, "value_error"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("page_size", "Must be between 1 and " + MAX_PAGE_SIZE, "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageParams(p, size);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
