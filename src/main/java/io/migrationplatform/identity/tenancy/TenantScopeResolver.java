package io.migrationplatform.identity.tenancy;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.identity.TenantScopes;
import io.migrationplatform.platform.error.ForbiddenException;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves the tenant scope of a request, once: the client account from {@code X-Client-Account-ID}
 * (or the user's default), which the user must be associated with (403 otherwise); the engagement
 * from {@code X-Engagement-ID} (or the default), which must belong to that account (404 otherwise).
 */
@Component
public class TenantScopeResolver implements TenantScopes {

    public static final String ACCOUNT_HEADER = "X-Client-Account-ID";
    public static final String ENGAGEMENT_HEADER = "X-Engagement-ID";
    private static final String ATTRIBUTE = TenantScope.class.getName();

    private final TenantScopeRepository repository;

    TenantScopeResolver(TenantScopeRepository repository) {
        this.repository = repository;
    }

    public TenantScope resolve(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof TenantScope scope) {
            return scope;
        }
        TenantScope scope = resolve(currentUser(), header(request, ACCOUNT_HEADER), header(request, ENGAGEMENT_HEADER));
        request.setAttribute(ATTRIBUTE, scope);
        return scope;
    }

    @Override
    public TenantScope resolve(AuthenticatedUser user, Optional<UUID> requestedAccount, Optional<UUID> requestedEngagement) {
        UUID accountId = requestedAccount.or(() -> Optional.ofNullable(user.defaultClientAccountId()))
                .or(() -> user.roles().keySet().stream().sorted().findFirst())
                .orElseThrow(() -> new ForbiddenException("No access to any client account"));
        Role role = user.roleIn(accountId)
                .orElseThrow(() -> new ForbiddenException("No access to client account " + accountId));
        if (user.platformAdmin() && !user.roles().containsKey(accountId) && !repository.accountIsActive(accountId)) {
            throw new NotFoundException("Client account");
        }
        UUID engagementId;
        if (requestedEngagement.isPresent()) {
            engagementId = requestedEngagement.get();
            if (!repository.engagementBelongsTo(engagementId, accountId)) {
                throw new NotFoundException("Engagement");
            }
        } else if (user.defaultEngagementId() != null && accountId.equals(user.defaultClientAccountId())) {
            engagementId = user.defaultEngagementId();
        } else {
            engagementId = repository.firstEngagementOf(accountId).orElseThrow(() -> new NotFoundException("Engagement"));
        }
        return new TenantScope(user.id(), accountId, engagementId, role);
    }

    public static AuthenticatedUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return user;
        }
        throw new IllegalStateException("No authenticated user on a tenant-scoped request");
    }

    private static Optional<UUID> header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            String trimmed = value.trim();
            UUID id = UUID.fromString(trimmed);
            if (trimmed.length() != 36) {
                throw new IllegalArgumentException();
            }
            return Optional.of(id);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(name, "Must be a UUID", "uuid_parsing");
        }
    }
}
