package io.migrationplatform.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /auth/refresh}. */
public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
}
