package io.migrationplatform.platform.web;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body must say what it is: a wildcard type ({@code *}{@code /*}) or a charset this JVM does not know
 * is refused with 415 before anything reads the body. Spring would otherwise fail deep inside body reading with
 * an assertion (a 500), and a reader for an unknown charset cannot be made at all. Requests without a body (other
 * than POST, PUT and PATCH, which are read as one even when empty) pass whatever their Content-Type says; an
 * unparsable type is left to the handlers, which answer 415 themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class BodyContentTypeFilter extends OncePerRequestFilter {

    private final ErrorResponseWriter errors;

    public BodyContentTypeFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        // POST, PUT and PATCH are read as bodies even when empty, so their declared type must make sense too.
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
                || java.util.Set.of("POST", "PUT", "PATCH").contains(request.getMethod());
        if (contentType != null && hasBody) {
            String problem = problem(contentType);
            if (problem != null) {
                errors.write(request, response, 415, problem, Map.of());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String problem(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "A request body needs a concrete Content-Type (application/json, or multipart/form-data for uploads), not a wildcard";
        }
        String charset = type.getParameter("charset");
        if (charset != null) {
            try {
                Charset.forName(charset.replace("\"", ""));
            } catch (IllegalArgumentException e) {
                return "Unsupported charset in Content-Type; send UTF-8";
            }
        }
        return null;
    }
}
