package io.migrationplatform.platform.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Streams an export as the HTTP response: validate and look everything up before calling
 * {@link #stream}, because once the first bytes are out an error can no longer become an envelope.
 */
public final class ExportResponses {

    private ExportResponses() {
    }

    /** {@code <base>-<yyyy-mm-dd>.<ext>}, the base reduced to ASCII letters (accents dropped), digits, dashes and underscores. */
    public static String filename(String base, ExportFormat format, Clock clock) {
        String plain = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", ""); // café → cafe
        String safe = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        if (safe.isEmpty()) {
            safe = "export";
        }
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "-" + LocalDate.now(clock) + "." + format.extension();
    }

    /**
     * Sets the content type and {@code Content-Disposition: attachment}, opens a writer on the
     * response, lets {@code rows} feed it and finishes the file.
     */
    public static <T> void stream(HttpServletResponse response, ExportFormat format, String filename, String sheetName,
                                  java.util.List<ExportColumn<T>> columns, Consumer<TableWriter<T>> rows) {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            OutputStream out = response.getOutputStream();
            TableWriter<T> writer = TableWriter.open(format, columns, sheetName, out);
            rows.accept(writer);
            writer.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
