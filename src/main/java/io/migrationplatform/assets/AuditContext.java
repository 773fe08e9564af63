package io.migrationplatform.assets;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.web.RequestIdFilter;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who changes an asset, through what (the API, an import), under which request id. */
public record AuditContext(UUID actorId, String actorEmail, String source, String requestId) {

    /** The caller of the current request, with its request id. */
    public static AuditContext ofCurrentRequest(TenantScope scope, String source) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String email = authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? user.email() : null;
        return new AuditContext(scope.userId(), email, source, MDC.get(RequestIdFilter.MDC_KEY));
    }
}
