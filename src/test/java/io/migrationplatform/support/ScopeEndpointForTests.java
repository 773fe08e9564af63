package io.migrationplatform.support;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that expose the resolved tenant scope, to test tenancy independently of any feature. */
@Hidden
@RestController
class ScopeEndpointForTests {

    @GetMapping("/api/v1/test-support/scope")
    @RequiresPermission(Permission.READ_ASSETS)
    Map<String, Object> scope(TenantScope scope) {
        return Map.of("client_account_id", scope.clientAccountId(), "engagement_id", scope.engagementId(),
                "role", scope.role().value());
    }

    @DeleteMapping("/api/v1/test-support/scope")
    @RequiresPermission(Permission.DELETE_ASSETS)
    Map<String, Object> delete(TenantScope scope) {
        return Map.of("deleted", true);
    }
}
