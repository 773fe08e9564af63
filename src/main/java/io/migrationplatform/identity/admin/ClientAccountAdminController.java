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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "administration")
@RestController
@RequestMapping("/api/v1/admin/client-accounts")
class ClientAccountAdminController {

    private final AdminService service;

    ClientAccountAdminController(AdminService service) {
        this.service = service;
    }

    @Operation(summary = "Create a client account (platform administrator)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AdminDtos.ClientAccountView create(@AuthenticationPrincipal AuthenticatedUser caller,
                                       @Valid @RequestBody AdminDtos.ClientAccountCreate body) {
        return service.createAccount(caller, body);
    }

    @Operation(summary = "List the client accounts the caller administers (all of them for a platform administrator)")
    @GetMapping
    ApiResponse<List<AdminDtos.ClientAccountView>> list(@AuthenticationPrincipal AuthenticatedUser caller,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        AdminService.Page<AdminDtos.ClientAccountView> result = service.listAccounts(caller, params);
        return ApiResponse.page(result.items(), params, result.total(), "client accounts");
    }

    @GetMapping("/{accountId}")
    AdminDtos.ClientAccountView get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId) {
        return service.getAccount(caller, accountId);
    }

    @Operation(summary = "Rename or (de)activate a client account (platform administrator)")
    @PutMapping("/{accountId}")
    AdminDtos.ClientAccountView update(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId,
                                       @Valid @RequestBody AdminDtos.ClientAccountUpdate body) {
        return service.updateAccount(caller, accountId, body);
    }

    @Operation(summary = "Create an engagement in a client account")
    @PostMapping("/{accountId}/engagements")
    @ResponseStatus(HttpStatus.CREATED)
    AdminDtos.EngagementView createEngagement(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId,
                                              @Valid @RequestBody AdminDtos.EngagementCreate body) {
        return service.createEngagement(caller, accountId, body);
    }

    @GetMapping("/{accountId}/engagements")
    ApiResponse<List<AdminDtos.EngagementView>> engagements(@AuthenticationPrincipal AuthenticatedUser caller,
                                                            @PathVariable UUID accountId,
                                                            @RequestParam(required = false) Integer page,
                                                            @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        AdminService.Page<AdminDtos.EngagementView> result = service.listEngagements(caller, accountId, params);
        return ApiResponse.page(result.items(), params, result.total(), "engagements");
    }

    @PutMapping("/{accountId}/engagements/{engagementId}")
    AdminDtos.EngagementView updateEngagement(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId,
                                              @PathVariable UUID engagementId, @Valid @RequestBody AdminDtos.EngagementUpdate body) {
        return service.updateEngagement(caller, accountId, engagementId, body);
    }

    @Operation(summary = "Users holding a role in this client account")
    @GetMapping("/{accountId}/users")
    ApiResponse<List<AdminDtos.UserView>> users(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        AdminService.Page<AdminDtos.UserView> result = service.listUsers(caller, accountId, params);
        return ApiResponse.page(result.items(), params, result.total(), "users");
    }

    @Operation(summary = "Grant or change a user's role in this client account")
    @PutMapping("/{accountId}/users/{userId}")
    AdminDtos.UserView assignRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId,
                                  @PathVariable UUID userId, @Valid @RequestBody AdminDtos.RoleAssignment body) {
        return service.assignRole(caller, accountId, userId, body.role());
    }

    @Operation(summary = "Revoke a user's role in this client account (effective immediately)")
    @DeleteMapping("/{accountId}/users/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeRole(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID accountId, @PathVariable UUID userId) {
        service.revokeRole(caller, accountId, userId);
    }
}
