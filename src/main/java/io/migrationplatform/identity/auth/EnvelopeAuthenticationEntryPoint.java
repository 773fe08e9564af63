package io.migrationplatform.identity.auth;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters, in the error envelope, with RFC 6750's {@code WWW-Authenticate}: plain
 * {@code Bearer} without a token, {@code Bearer error="invalid_token"} with one. Spring's own entry point also puts
 * the token library's reason and a metadata URL built from the request's Host header there; neither is for clients.
 */
class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponseWriter writer;

    EnvelopeAuthenticationEntryPoint(ErrorResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String authorization = request.getHeader("Authorization");
        boolean tokenPresent = authorization != null;
        // RFC 6750: an error code only when a bearer token was sent (not for Basic or other schemes).
        boolean bearerSent = tokenPresent && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, bearerSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        writer.write(request, response, 401, tokenPresent ? "Could not validate credentials" : "Not authenticated", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        writer.write(request, response, 403, "Access denied", Map.of());
    }
}
