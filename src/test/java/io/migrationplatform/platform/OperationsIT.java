package io.migrationplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health probes, metrics and API docs, as an operator and a client developer see them. */
class OperationsIT extends ApiIntegrationTest {

    @Test
    void healthHasLivenessAndReadinessAndRedisIsNotRequired() {
        ApiClient.Response health = api().get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(health.text()).doesNotContainIgnoringCase("redis");
    }

    @Test
    void pingAnswersWithoutAuthentication() {
        ApiClient.Response ping = api().get("/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.text()).isEqualTo("pong");
    }

    @Test
    void prometheusExposesHttpTimings() {
        api().get("/actuator/health");
        ApiClient.Response metrics = api().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    @Test
    void openApiDescribesEndpointsAndTheTokenFlow() {
        ApiClient.Response doc = api().get("/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        JsonNode json = doc.json();
        assertThat(json.get("paths").has("/api/v1/auth/token")).isTrue();
        assertThat(json.get("paths").has("/api/v1/auth/me")).isTrue();
        assertThat(json.at("/components/securitySchemes/OAuth2PasswordBearer/flows/password/tokenUrl").asString())
                .isEqualTo("/api/v1/auth/token");
        assertThat(json.toString()).doesNotContain("/test-support/fail");
        // Schemas and parameters in the API's own words: snake_case fields, scope headers, no internal objects.
        assertThat(json.at("/components/schemas/TokenResponse/properties").has("access_token")).isTrue();
        assertThat(json.at("/components/schemas/Asset/properties").has("six_r_strategy")).isTrue();
        String listParameters = json.at("/paths/~1api~1v1~1assets/get/parameters").toString();
        assertThat(listParameters).contains("X-Client-Account-ID", "\"page_size\"", "\"sort_by\"").doesNotContain("\"scope\"");
        assertThat(json.at("/paths/~1api~1v1~1assets/post/responses").has("201")).isTrue();
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        ApiClient.Response redirect = api().get("/docs");
        assertThat(redirect.status()).isIn(200, 302);
        ApiClient.Response page = api().get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("swagger");
        ApiClient.Response config = api().get("/openapi.json/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text()).contains("/openapi.json");
    }
}
