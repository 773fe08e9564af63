package io.migrationplatform.identity.tenancy;

import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents tenancy in the OpenAPI document: the resolved {@link TenantScope} is not a request
 * parameter, while the scope headers, the permission and the 401/403/404 answers of every
 * tenant-scoped operation are.
 */
@Configuration(proxyBeanMethods = false)
class TenantScopeOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(TenantScope.class);
    }

    @Bean
    OperationCustomizer tenantScopeHeaders() {
        return (operation, handler) -> {
            RequiresPermission permission = handler.getMethodAnnotation(RequiresPermission.class);
            if (permission == null) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(TenantScopeResolver.ACCOUNT_HEADER).required(false)
                    .description("Client account to work in (default: the user's default client account)")
                    .schema(new StringSchema().format("uuid")));
            operation.addParametersItem(new HeaderParameter().name(TenantScopeResolver.ENGAGEMENT_HEADER).required(false)
                    .description("Engagement to work in (default: the user's default engagement in that account)")
                    .schema(new StringSchema().format("uuid")));
            String required = "Requires permission " + permission.value().value() + ".";
            operation.setDescription(operation.getDescription() == null ? required : operation.getDescription() + "\n\n" + required);
            operation.getResponses().addApiResponse("401", new ApiResponse().description("Missing or invalid token"));
            operation.getResponses().addApiResponse("403", new ApiResponse().description(
                    "No role in the client account, or the role lacks " + permission.value().value()));
            operation.getResponses().addApiResponse("404", new ApiResponse().description(
                    "Not found in this scope (objects of other tenants are never revealed)"));
            operation.getResponses().addApiResponse("422", new ApiResponse().description("Validation failed (error envelope)"));
            return operation;
        };
    }
}
