package io.migrationplatform.identity.admin;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.Role;
import io.migrationplatform.platform.error.ConflictException;
import io.migrationplatform.platform.error.ForbiddenException;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration with its authority rules: a platform administrator manages everything; a
 * client account's admin or super_admin manages the engagements and users of that account only.
 * An admin may not grant super_admin nor change a super_admin. Accounts the caller cannot
 * administer, and users outside them, answer 404 (no hint that they exist).
 */
@Service
class AdminService {

    record Page<T>(List<T> items, long total) {
    }

    /** bcrypt's limit. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final AdminRepository repository;
    private final PasswordEncoder passwordEncoder;

    AdminService(AdminRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    // --- client accounts -------------------------------------------------------------------

    @Transactional
    public AdminDtos.ClientAccountView createAccount(AuthenticatedUser caller, AdminDtos.ClientAccountCreate request) {
        requirePlatformAdmin(caller);
        UUID id = UUID.randomUUID();
        try {
            repository.insertAccount(id, request.name().trim());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A client account with this name already exists");
        }
        return repository.findAccount(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Page<AdminDtos.ClientAccountView> listAccounts(AuthenticatedUser caller, PageParams page) {
        Set<UUID> scope = caller.platformAdmin() ? null : administeredAccounts(caller);
        return new Page<>(repository.listAccounts(scope, page), repository.countAccounts(scope));
    }

    @Transactional(readOnly = true)
    public AdminDtos.ClientAccountView getAccount(AuthenticatedUser caller, UUID accountId) {
        requireAccountAdmin(caller, accountId);
        return repository.findAccount(accountId).orElseThrow(() -> new NotFoundException("Client account"));
    }

    @Transactional
    public AdminDtos.ClientAccountView updateAccount(AuthenticatedUser caller, UUID accountId, AdminDtos.ClientAccountUpdate request) {
        requirePlatformAdmin(caller);
        repository.findAccount(accountId).orElseThrow(() -> new NotFoundException("Client account"));
        try {
            repository.updateAccount(accountId, request.name() == null ? null : request.name().trim(), request.isActive());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A client account with this name already exists");
        }
        return repository.findAccount(accountId).orElseThrow();
    }

    // --- engagements ------------------------------------------------------------------------

    @Transactional
    public AdminDtos.EngagementView createEngagement(AuthenticatedUser caller, UUID accountId, AdminDtos.EngagementCreate request) {
        requireAccountAdmin(caller, accountId);
        UUID id = UUID.randomUUID();
        try {
            repository.insertEngagement(id, accountId, request.name().trim(), request.description());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An engagement with this name already exists in this client account");
        }
        return repository.findEngagement(accountId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Page<AdminDtos.EngagementView> listEngagements(AuthenticatedUser caller, UUID accountId, PageParams page) {
        requireAccountAdmin(caller, accountId);
        return new Page<>(repository.listEngagements(accountId, page), repository.countEngagements(accountId));
    }

    @Transactional
    public AdminDtos.EngagementView updateEngagement(AuthenticatedUser caller, UUID accountId, UUID engagementId,
                                                     AdminDtos.EngagementUpdate request) {
        requireAccountAdmin(caller, accountId);
        repository.findEngagement(accountId, engagementId).orElseThrow(() -> new NotFoundException("Engagement"));
        try {
            repository.updateEngagement(accountId, engagementId, request.name() == null ? null : request.name().trim(),
                    request.description(), request.status());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An engagement with this name already exists in this client account");
        }
        return repository.findEngagement(accountId, engagementId).orElseThrow();
    }

    // --- users --------------------------------------------------------------------------------

    @Transactional
    public AdminDtos.UserView createUser(AuthenticatedUser caller, AdminDtos.UserCreate request) {
        boolean platformAdmin = Boolean.TRUE.equals(request.isPlatformAdmin());
        if (platformAdmin || request.clientAccountId() == null) {
            requirePlatformAdmin(caller);
        }
        if (request.clientAccountId() != null) {
            requireAccountAdmin(caller, request.clientAccountId());
            if (request.role() == null) {
                throw ValidationException.of("role", "Required together with client_account_id", "missing");
            }
            requireMayGrant(caller, request.clientAccountId(), request.role());
        } else if (request.role() != null) {
            throw ValidationException.of("client_account_id", "Required together with role", "missing");
        }
        if (request.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads at most 72 bytes; a longer password would be silently truncated or refused.
            throw ValidationException.of("password", "At most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)", "string_too_long");
        }
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (repository.emailExists(email)) {
            throw new ConflictException("A user with this email already exists");
        }
        UUID id = UUID.randomUUID();
        UUID engagement = request.clientAccountId() == null ? null
                : repository.firstEngagementOf(request.clientAccountId()).orElse(null);
        try {
            repository.insertUser(id, email, passwordEncoder.encode(request.password()), request.fullName(), platformAdmin,
                    request.clientAccountId(), engagement);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A user with this email already exists");
        }
        if (request.clientAccountId() != null) {
            repository.upsertRole(id, request.clientAccountId(), request.role());
        }
        return redact(caller, repository.findUser(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Page<AdminDtos.UserView> listUsers(AuthenticatedUser caller, UUID accountId, PageParams page) {
        if (accountId != null) {
            requireAccountAdmin(caller, accountId);
            Set<UUID> scope = Set.of(accountId);
            return new Page<>(repository.listUsers(scope, page).stream().map(u -> redact(caller, u)).toList(),
                    repository.countUsers(scope));
        }
        Set<UUID> scope = caller.platformAdmin() ? null : administeredAccounts(caller);
        if (scope != null && scope.isEmpty()) {
            throw new ForbiddenException("Insufficient permissions. Required: admin role in a client account");
        }
        return new Page<>(repository.listUsers(scope, page).stream().map(u -> redact(caller, u)).toList(),
                repository.countUsers(scope));
    }

    @Transactional(readOnly = true)
    public AdminDtos.UserView getUser(AuthenticatedUser caller, UUID userId) {
        return redact(caller, visibleUser(caller, userId));
    }

    /**
     * Deactivation is global to the user, so an account admin may deactivate only a user who
     * belongs to no client account outside the ones that admin administers.
     */
    @Transactional
    public AdminDtos.UserView setActive(AuthenticatedUser caller, UUID userId, boolean active) {
        AdminDtos.UserView user = visibleUser(caller, userId);
        if (userId.equals(caller.id()) && !active) {
            throw new ConflictException("You cannot deactivate yourself");
        }
        if (!caller.platformAdmin()) {
            Set<UUID> mine = administeredAccounts(caller);
            boolean outside = user.roles().stream().anyMatch(r -> !mine.contains(r.clientAccountId()));
            boolean superAdmin = user.roles().stream().anyMatch(r -> r.role() == Role.SUPER_ADMIN);
            if (outside || user.isPlatformAdmin() || (superAdmin && !isSuperAdminEverywhere(caller, user))) {
                throw new ForbiddenException("Insufficient permissions to change this user's status");
            }
        }
        repository.setUserActive(userId, active);
        return redact(caller, repository.findUser(userId).orElseThrow());
    }

    @Transactional
    public AdminDtos.UserView assignRole(AuthenticatedUser caller, UUID accountId, UUID userId, Role role) {
        requireAccountAdmin(caller, accountId);
        AdminDtos.UserView user = repository.findUser(userId).orElseThrow(() -> new NotFoundException("User"));
        requireMemberOrPlatformAdmin(caller, accountId, user);
        requireMayGrant(caller, accountId, role);
        requireMayChange(caller, accountId, user);
        repository.upsertRole(userId, accountId, role);
        repository.setDefaultsIfMissing(userId, accountId, repository.firstEngagementOf(accountId).orElse(null));
        return redact(caller, repository.findUser(userId).orElseThrow());
    }

    @Transactional
    public void revokeRole(AuthenticatedUser caller, UUID accountId, UUID userId) {
        requireAccountAdmin(caller, accountId);
        AdminDtos.UserView user = repository.findUser(userId).orElseThrow(() -> new NotFoundException("User"));
        requireMemberOrPlatformAdmin(caller, accountId, user);
        if (user.roles().stream().noneMatch(r -> r.clientAccountId().equals(accountId))) {
            throw new NotFoundException("Role assignment");
        }
        requireMayChange(caller, accountId, user);
        repository.deleteRole(userId, accountId);
    }

    // --- authority rules ---------------------------------------------------------------------

    private static void requirePlatformAdmin(AuthenticatedUser caller) {
        if (!caller.platformAdmin()) {
            throw new ForbiddenException("Insufficient permissions. Required: platform administrator");
        }
    }

    /** 404 for an account the caller has no role in; 403 for one where the role is too low. */
    private void requireAccountAdmin(AuthenticatedUser caller, UUID accountId) {
        if (caller.platformAdmin()) {
            repository.findAccount(accountId).orElseThrow(() -> new NotFoundException("Client account"));
            return;
        }
        Role role = caller.roles().get(accountId);
        if (role == null) {
            throw new NotFoundException("Client account");
        }
        if (!role.canAdministerAccount()) {
            throw new ForbiddenException("Insufficient permissions. Required: admin role in this client account");
        }
    }

    /**
     * An account admin manages the users of the account only: a user without a role in it belongs to
     * other tenants (404, as if unknown), and a platform administrator is never theirs to change (403).
     * Bringing an existing user into another account is the platform administrator's decision.
     */
    private static void requireMemberOrPlatformAdmin(AuthenticatedUser caller, UUID accountId, AdminDtos.UserView target) {
        if (caller.platformAdmin()) {
            return;
        }
        if (target.roles().stream().noneMatch(r -> r.clientAccountId().equals(accountId))) {
            throw new NotFoundException("User");
        }
        if (target.isPlatformAdmin()) {
            throw new ForbiddenException("Only a platform administrator may change a platform administrator");
        }
    }

    private static void requireMayGrant(AuthenticatedUser caller, UUID accountId, Role role) {
        if (role == Role.SUPER_ADMIN && caller.roleIn(accountId).orElse(null) != Role.SUPER_ADMIN) {
            throw new ForbiddenException("Only a super_admin may grant super_admin");
        }
    }

    private static void requireMayChange(AuthenticatedUser caller, UUID accountId, AdminDtos.UserView target) {
        boolean targetIsSuperAdmin = target.roles().stream()
                .anyMatch(r -> r.clientAccountId().equals(accountId) && r.role() == Role.SUPER_ADMIN);
        if (targetIsSuperAdmin && caller.roleIn(accountId).orElse(null) != Role.SUPER_ADMIN) {
            throw new ForbiddenException("Only a super_admin may change a super_admin");
        }
    }

    private static boolean isSuperAdminEverywhere(AuthenticatedUser caller, AdminDtos.UserView user) {
        return user.roles().stream().allMatch(r -> caller.roles().get(r.clientAccountId()) == Role.SUPER_ADMIN);
    }

    private AdminDtos.UserView visibleUser(AuthenticatedUser caller, UUID userId) {
        AdminDtos.UserView user = repository.findUser(userId).orElseThrow(() -> new NotFoundException("User"));
        if (caller.platformAdmin() || userId.equals(caller.id())) {
            return user;
        }
        Set<UUID> mine = administeredAccounts(caller);
        if (user.roles().stream().noneMatch(r -> mine.contains(r.clientAccountId()))) {
            throw new NotFoundException("User");
        }
        return user;
    }

    /** An account admin sees a user's roles in the accounts that admin administers, nothing of other tenants. */
    private static AdminDtos.UserView redact(AuthenticatedUser caller, AdminDtos.UserView user) {
        if (caller.platformAdmin() || user.id().equals(caller.id())) {
            return user;
        }
        Set<UUID> mine = administeredAccounts(caller);
        boolean defaultVisible = user.defaultClientAccountId() != null && mine.contains(user.defaultClientAccountId());
        return new AdminDtos.UserView(user.id(), user.email(), user.fullName(), user.isActive(), user.isPlatformAdmin(),
                defaultVisible ? user.defaultClientAccountId() : null, defaultVisible ? user.defaultEngagementId() : null,
                user.roles().stream().filter(r -> mine.contains(r.clientAccountId())).toList(),
                user.createdAt(), user.updatedAt());
    }

    private static Set<UUID> administeredAccounts(AuthenticatedUser caller) {
        return caller.roles().entrySet().stream().filter(e -> e.getValue().canAdministerAccount())
                .map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }
}
