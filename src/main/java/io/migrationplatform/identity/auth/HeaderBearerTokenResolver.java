package io.migrationplatform.identity.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header only (never a query or form parameter), with
 * the same rules as Spring Security's default resolver — scheme {@code Bearer} in any case, then a
 * token of RFC 6750 {@code b64token} characters — checked by a loop instead of a regular expression
 * run on every request.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (header.length() < SCHEME.length() + 2 || header.charAt(SCHEME.length()) != ' ' || !isB64Token(header, SCHEME.length() + 1)) {
            BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
            throw new OAuth2AuthenticationException(error, error.getDescription());
        }
        return header.substring(SCHEME.length() + 1);
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from {@code start} to the end. */
    static boolean isB64Token(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
