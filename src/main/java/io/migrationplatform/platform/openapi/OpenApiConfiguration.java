package io.migrationplatform.platform.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description at {@code /openapi.json} (Swagger UI at {@code /docs}): the OAuth2 password
 * flow points at {@code /api/v1/auth/token}, so Swagger UI's Authorize button logs in directly.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String SCHEME = "OAuth2PasswordBearer";

    /** Schemas in the API's own snake_case (the document is generated with swagger's own Jackson 2 mapper). */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI migrationPlatformOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Migration Platform API").version("v1")
                        .description("Discover an IT estate, keep its inventory, assess it and plan migration waves.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .flows(new OAuthFlows().password(new OAuthFlow().tokenUrl("/api/v1/auth/token")))))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
