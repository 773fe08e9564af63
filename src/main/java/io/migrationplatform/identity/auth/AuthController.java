package io.migrationplatform.identity.auth;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.platform.error.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "authentication")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AuthService authService;
    private final ProfileRepository profiles;

    AuthController(AuthService authService, ProfileRepository profiles) {
        this.authService = authService;
        this.profiles = profiles;
    }

    @Operation(summary = "OAuth2 password grant (form fields username = email, password)")
    @SecurityRequirements
    @PostMapping(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    TokenResponse token(@RequestParam String username, @RequestParam String password,
                        @RequestParam(name = "grant_type", required = false) String grantType,
                        HttpServletRequest request) {
        if (grantType != null && !grantType.isEmpty() && !grantType.equals("password")) {
            throw ValidationException.of("grant_type", "Only the password grant is supported", "value_error");
        }
        if (username.isBlank() || username.length() > 320) {
            throw ValidationException.of("username", "Must be an email of at most 320 characters", "value_error");
        }
        if (password.isEmpty() || password.length() > 1024) {
            throw ValidationException.of("password", "Must be 1 to 1024 characters", "value_error");
        }
        return authService.login(username, password, request.getRemoteAddr());
    }

    @Operation(summary = "Log in with a JSON body")
    @SecurityRequirements
    @PostMapping(value = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return authService.login(body.email(), body.password(), request.getRemoteAddr());
    }

    @Operation(summary = "Exchange a refresh token for a new token pair (the old refresh token is spent)")
    @SecurityRequirements
    @PostMapping(value = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse refresh(@Valid @RequestBody RefreshRequest body) {
        return authService.refresh(body.refreshToken());
    }

    @Operation(summary = "End this login: its refresh tokens and access tokens stop working at once")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal AuthenticatedUser user) {
        authService.logout(user.sessionId());
    }

    @Operation(summary = "The current user, their client accounts with role and permissions, and the default context")
    @GetMapping("/me")
    ProfileResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
        return profiles.profile(user);
    }
}
