package io.migrationplatform.flows.live;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.platform.error.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Authenticates and authorises a WebSocket handshake before it is upgraded, with the REST API's
 * rules: the access token from {@code Authorization: Bearer} or the {@code token} query parameter
 * (browsers cannot set headers on a WebSocket), an active user, and {@code read:assets} in the
 * client account and engagement of the path. A refused handshake answers 401 (no or bad token) or
 * 403 (no access to that scope; which one is never revealed) in the error envelope, and is
 * never upgraded. Browsers are held to the allowed origins first: the API's own, and those CORS allows
 * ({@code MIGRATE_CORS_ALLOWED_ORIGINS}); a client that sends no Origin is not a browser and is held to its token only.
 */
final class HandshakeAuthentication implements HandshakeInterceptor {

    static final String GRANT = Grant.class.getName();
    static final String TOKEN_PARAMETER = "token";
    private static final Logger log = LoggerFactory.getLogger(HandshakeAuthentication.class);

    private final ScopeAccess access;
    private final LiveFlowUpdates hub;
    private final ErrorResponseWriter errors;
    private final CorsConfiguration origins = new CorsConfiguration();

    HandshakeAuthentication(ScopeAccess access, LiveFlowUpdates hub, ErrorResponseWriter errors, List<String> allowedOrigins) {
        this.access = access;
        this.hub = hub;
        this.errors = errors;
        // The REST API's CORS rules exactly (case, a trailing slash, "*"), so one setting opens both to a browser.
        this.origins.setAllowedOrigins(List.copyOf(allowedOrigins));
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        if (!(request instanceof ServletServerHttpRequest servletRequest) || !(response instanceof ServletServerHttpResponse servletResponse)) {
            return false;
        }
        HttpServletRequest http = servletRequest.getServletRequest();
        HttpServletResponse out = servletResponse.getServletResponse();
        String origin = request.getHeaders().getOrigin();
        if (origin != null && !WebUtils.isSameOrigin(request) && origins.checkOrigin(origin) == null) {
            return refuse(http, out, 403, "Origin not allowed: add it to MIGRATE_CORS_ALLOWED_ORIGINS to open live updates from a browser there");
        }
        String token = token(http);
        if (token == null) {
            return refuse(http, out, 401, "Not authenticated");
        }
        try {
            Optional<AuthenticatedUser> user = access.authenticate(token);
            if (user.isEmpty()) {
                return refuse(http, out, 401, "Could not validate credentials");
            }
            UUID[] scope = scopeOf(http.getRequestURI());
            if (scope == null || access.readableScope(user.get(), scope[0], scope[1]).isEmpty()) {
                log.info("WebSocket handshake refused: user {} may not read client account/engagement {}", user.get().id(),
                        http.getRequestURI());
                return refuse(http, out, 403, "No read access to this client account and engagement");
            }
            if (!hub.makeRoomFor(user.get().id())) {
                out.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LiveConnectionLimit.RETRY_AFTER_SECONDS));
                return refuse(http, out, 429, LiveConnectionLimit.message(hub.properties()));
            }
            attributes.put(GRANT, new Grant(user.get().id(), scope[0], scope[1], token));
            return true;
        } catch (DataAccessException e) {
            log.warn("WebSocket handshake refused: database unavailable ({})", e.getMessage());
            out.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return refuse(http, out, 503, "The service is temporarily unavailable; try again shortly");
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static String token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
            return header.substring(7).trim();
        }
        String parameter = request.getParameter(TOKEN_PARAMETER);
        return parameter == null || parameter.isBlank() ? null : parameter.trim();
    }

    /** The client account and engagement of {@code /ws/flow-updates/{client_account_id}/{engagement_id}}; null when malformed. */
    static UUID[] scopeOf(String path) {
        String[] segments = path.split("/");
        if (segments.length < 2) {
            return null;
        }
        try {
            String account = segments[segments.length - 2];
            String engagement = segments[segments.length - 1];
            if (account.length() != 36 || engagement.length() != 36) {
                return null;
            }
            return new UUID[] {UUID.fromString(account), UUID.fromString(engagement)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, token(request) == null ? "Bearer" : "Bearer error=\"invalid_token\"");
        }
        errors.write(request, response, status, message, Map.of());
        return false;
    }
}
