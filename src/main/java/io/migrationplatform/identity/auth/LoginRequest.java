package io.migrationplatform.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** JSON login body. */
public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
}
