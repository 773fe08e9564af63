package io.migrationplatform.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for requests it refuses before the application sees them (a malformed
 * URL, an over-long header), in the same JSON envelope as every other error instead of HTML.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String message = status >= 500 ? "Internal server error" : reason(status);
        String requestId = UUID.randomUUID().toString();
        String path = request.getDecodedRequestURI() == null ? "" : request.getRequestURI();
        String body = "{\"error\":{\"message\":" + quote(message) + ",\"status_code\":" + status + ",\"details\":{},"
                + "\"path\":" + quote(path) + ",\"method\":" + quote(request.getMethod()) + ",\"timestamp\":"
                + quote(Instant.now().toString()) + "}}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIdFilter.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request: malformed URL, header or body";
            case 404 -> "Not found";
            case 408 -> "Request timeout";
            case 413 -> "Request too large";
            case 414 -> "URL too long";
            case 431 -> "Request headers too large";
            default -> "Request refused";
        };
    }

    /** A JSON string literal (the valve runs outside Spring, so no JSON library is assumed). */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
