package io.migrationplatform.identity.admin;

import io.migrationplatform.identity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response records of the administration API. */
final class AdminDtos {

    private AdminDtos() {
    }

    record ClientAccountCreate(@NotBlank @Size(max = 255) String name) {
    }

    record ClientAccountUpdate(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                               Boolean isActive) {
    }

    record ClientAccountView(UUID id, String name, boolean isActive, Instant createdAt, Instant updatedAt) {
    }

    record EngagementCreate(@NotBlank @Size(max = 255) String name, @Size(max = 2000) String description) {
    }

    record EngagementUpdate(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                            @Size(max = 2000) String description,
                            @Pattern(regexp = "active|completed|archived", message = "must be one of active, completed, archived")
                            String status) {
    }

    record EngagementView(UUID id, UUID clientAccountId, String name, String description, String status,
                          Instant createdAt, Instant updatedAt) {
    }

    record UserCreate(@NotBlank @Email @Size(max = 320) String email,
                      @NotBlank @Size(min = 8, max = 1024) String password,
                      @Size(max = 255) String fullName,
                      UUID clientAccountId,
                      Role role,
                      Boolean isPlatformAdmin) {
    }

    record RoleAssignment(@NotNull Role role) {
    }

    record AccountRole(UUID clientAccountId, Role role) {
    }

    record UserView(UUID id, String email, String fullName, boolean isActive, boolean isPlatformAdmin,
                    UUID defaultClientAccountId, UUID defaultEngagementId, List<AccountRole> roles,
                    Instant createdAt, Instant updatedAt) {
    }
}
