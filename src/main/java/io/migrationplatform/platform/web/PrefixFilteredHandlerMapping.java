package io.migrationplatform.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, minus its linear cost: a request whose path has a variable
 * ({@code /api/v1/assets/{asset_id}}) is checked against every mapping of the application — over a hundred
 * with actuator and springdoc — each time evaluating method, pattern, produces, consumes and header
 * conditions through the request's wrappers. That was a third of the CPU of {@code GET /assets/{id}}.
 * Here a mapping none of whose patterns' literal beginnings (up to the first variable or wildcard) starts
 * the path is skipped before any of that. Paths with escapes or semicolons, which patterns match only after
 * decoding, are left to the full check.
 */
class PrefixFilteredHandlerMapping extends RequestMappingHandlerMapping {

    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();
    private final Map<RequestMappingInfo, List<String>> prefixes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        LOOKUP_PATH.set(plain ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null && !couldMatch(info, path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private boolean couldMatch(RequestMappingInfo info, String path) {
        for (String prefix : prefixes.computeIfAbsent(info, PrefixFilteredHandlerMapping::literalPrefixes)) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The literal beginning of each pattern; a mapping without path patterns gets "" (matches every path). */
    static List<String> literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return List.of("");
        }
        return condition.getPatterns().stream().map(PathPattern::getPatternString).map(PrefixFilteredHandlerMapping::literalPrefix).toList();
    }

    /**
     * The pattern up to its first variable or wildcard, without a trailing slash: {@code /files/**} and
     * {@code /files/{*path}} also match {@code /files} itself.
     */
    static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return end > 0 && pattern.charAt(end - 1) == '/' ? pattern.substring(0, end - 1) : pattern.substring(0, end);
    }
}
