package io.migrationplatform.identity.auth;

import io.migrationplatform.platform.error.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, in the error envelope, with {@code WWW-Authenticate: Bearer}. */
class EnvelopeAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ErrorResponseWriter writer;

    EnvelopeAuthenticationEntryPoint(ErrorResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e); // status and the WWW-Authenticate header (RFC 6750)
        boolean tokenPresent = request.getHeader("Authorization") != null;
        writer.write(request, response, 401, tokenPresent ? "Could not validate credentials" : "Not authenticated", Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        writer.write(request, response, 403, "Access denied", Map.of());
    }
}
