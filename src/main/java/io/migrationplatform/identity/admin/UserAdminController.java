package io.migrationplatform.identity.admin;

import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "administration")
@RestController
@RequestMapping("/api/v1/admin/users")
class UserAdminController {

    private final AdminService service;

    UserAdminController(AdminService service) {
        this.service = service;
    }

    @Operation(summary = "Create a user, optionally with a role in a client account")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AdminDtos.UserView create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody AdminDtos.UserCreate body) {
        return service.createUser(caller, body);
    }

    @Operation(summary = "List users: all for a platform administrator, else those of the accounts the caller administers")
    @GetMapping
    ApiResponse<List<AdminDtos.UserView>> list(@AuthenticationPrincipal AuthenticatedUser caller,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        AdminService.Page<AdminDtos.UserView> result = service.listUsers(caller, null, params);
        return ApiResponse.page(result.items(), params, result.total(), "users");
    }

    @GetMapping("/{userId}")
    AdminDtos.UserView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
        return service.getUser(caller, userId);
    }

    @Operation(summary = "Deactivate a user: every token of theirs stops working at once")
    @PostMapping("/{userId}/deactivate")
    AdminDtos.UserView deactivate(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
        return service.setActive(caller, userId, false);
    }

    @PostMapping("/{userId}/activate")
    AdminDtos.UserView activate(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID userId) {
        return service.setActive(caller, userId, true);
    }
}
