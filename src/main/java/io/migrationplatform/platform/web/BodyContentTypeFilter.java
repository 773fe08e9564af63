package io.migrationplatform.platform.web;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Read as bodies even when empty, so their declared type must make sense too. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final ErrorResponseWriter errors;

    public BodyContentTypeFilter(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
                || BODY_METHODS.contains(request.getMethod());
        if (contentType != null && hasBody) {
            String problem = problem(contentType);
            if (problem != null) {
                errors.write(request, response, 415, problem, Map.of());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

    private static String problem(String contentType) {
        // Read from the raw header: Spring's parser refuses a type whose charset it does not know, which would hide it.
        Matcher charset = CHARSET.matcher(contentType);
        if (charset.find() && !isSupported(charset.group(1))) {
            return "Unsupported charset in Content-Type; send UTF-8";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "A request body needs a concrete Content-Type (application/json, or multipart/form-data for uploads), not a wildcard";
        }
        return null;
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) { // an illegal name, or none at all
            return false;
        }
    }
}
