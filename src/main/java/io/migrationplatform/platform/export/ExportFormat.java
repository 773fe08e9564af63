package io.migrationplatform.platform.export;

import io.migrationplatform.platform.error.ValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The file formats an export can be downloaded in. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    JSON("json", "application/json");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The {@code format} query parameter: absent or blank means CSV; anything not in {@code allowed}
     * is a 422 that lists the formats this endpoint offers.
     */
    public static ExportFormat parse(String value, Set<ExportFormat> allowed) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> allowed.contains(f) && f.extension.equals(wanted)).findFirst()
                .orElseThrow(() -> ValidationException.of("format", "Must be one of: " + EnumSet.copyOf(allowed).stream()
                        .map(ExportFormat::extension).collect(Collectors.joining(", ")), "enum"));
    }
}
