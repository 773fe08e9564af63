package io.migrationplatform.tasks.scheduler;

import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import java.util.UUID;

/**
 * What db-scheduler keeps with a queued task (its {@code task_data}, as JSON): the tenant scope it
 * was submitted in, so that the runner reads and writes the task row through tenant-scoped queries
 * only. The task id itself is the execution's instance id.
 */
record TaskRef(UUID clientAccountId, UUID engagementId, UUID userId, String role) {

    static TaskRef of(TenantScope scope) {
        return new TaskRef(scope.clientAccountId(), scope.engagementId(), scope.userId(),
                scope.role() == null ? null : scope.role().value());
    }

    /** The scope back; an unknown role (renamed since) falls back to the least privileged one. */
    TenantScope scope() {
        return new TenantScope(userId, clientAccountId, engagementId, Role.fromValue(role).orElse(Role.VIEWER));
    }
}
