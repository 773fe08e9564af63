package io.migrationplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Every error answers in the seed's envelope, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorEnvelopeIT extends ApiIntegrationTest {

    private ApiClient authed() {
        return tenants().admin();
    }

    static JsonNode assertEnvelope(ApiClient.Response response, int status, String method, String path) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json().get("error");
        assertThat(error).as(response.toString()).isNotNull();
        assertThat(error.get("status_code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("details").isObject()).isTrue();
        assertThat(error.get("path").asString()).isEqualTo(path);
        assertThat(error.get("method").asString()).isEqualTo(method);
        Instant timestamp = Instant.parse(error.get("timestamp").asString());
        assertThat(error.get("timestamp").asString()).endsWith("Z");
        assertThat(timestamp).isBefore(Instant.now().plusSeconds(5));
        return error;
    }

    @Test
    void unknownRouteIs404() {
        assertEnvelope(api().get("/no/such/route"), 404, "GET", "/no/such/route");
        assertEnvelope(authed().get("/api/v1/no-such-route"), 404, "GET", "/api/v1/no-such-route");
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        ApiClient.Response response = authed().delete("/api/v1/auth/me");
        JsonNode error = assertEnvelope(response, 405, "DELETE", "/api/v1/auth/me");
        assertThat(response.header("Allow")).contains("GET");
        assertThat(error.get("details").get("allowed_methods").toString()).contains("GET");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        ApiClient.Response response = api().send("POST", "/api/v1/auth/login", "email=a", "text/plain");
        assertEnvelope(response, 415, "POST", "/api/v1/auth/login");
    }

    /** Multipart bodies are parsed (and spooled to disk) before any handler runs: only the upload endpoint takes them. */
    @Test
    void aMultipartBodyAnywhereButTheUploadIs415BeforeItIsRead() {
        byte[] large = new byte[3 * 1024 * 1024];
        ApiClient.Response anonymous = api().upload("/api/v1/auth/login", "file", "big.bin", large);
        JsonNode error = assertEnvelope(anonymous, 415, "POST", "/api/v1/auth/login");
        assertThat(error.get("message").asString()).contains("POST /api/v1/discovery/imports");
        assertEnvelope(authed().upload("/api/v1/assets", "file", "big.bin", large), 415, "POST", "/api/v1/assets");
        assertThat(authed().upload("/api/v1/discovery/imports", "file", "inventory.csv", "name\nweb-01\n".getBytes())
                .status()).isEqualTo(201);
    }

    /** Found by the fuzz: a PUT form body with a bad escape failed in a servlet filter with 500. */
    @Test
    void aFormBodyOnPutIs4xxEvenWhenItCannotBeDecoded() {
        String path = "/api/v1/assets/" + java.util.UUID.randomUUID();
        ApiClient.Response response = authed().send("PUT", path, "rationale=%zz%", "application/x-www-form-urlencoded");
        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertEnvelope(response, response.status(), "PUT", path);
    }

    @Test
    void tooManyQueryParametersSaySo() {
        StringBuilder query = new StringBuilder("page=1");
        for (int i = 0; i < 1001; i++) {
            query.append("&a").append(i).append("=1");
        }
        ApiClient.Response response = authed().get("/api/v1/assets?" + query);
        JsonNode error = assertEnvelope(response, 400, "GET", "/api/v1/assets");
        assertThat(error.get("message").asString()).contains("Too many").contains("1000");
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        JsonNode error = assertEnvelope(authed().send("POST", "/api/v1/assets", "{\"name\": \"x\"}", null), 415, "POST", "/api/v1/assets");
        assertThat(error.get("message").asString()).as("says what is missing, not Spring's default type")
                .isEqualTo("A request body needs a Content-Type (application/json)");
        JsonNode garbage = assertEnvelope(authed().send("POST", "/api/v1/assets", "{}", "garbage"), 415, "POST", "/api/v1/assets");
        assertThat(garbage.get("message").asString()).isEqualTo("Unsupported content type: garbage");
    }

    @Test
    void aFieldSentTwiceIs400() {
        ApiClient.Response response = authed().send("POST", "/api/v1/assets",
                "{\"name\": \"a\", \"asset_type\": \"server\", \"environment\": \"dev\", \"name\": \"b\"}", "application/json");
        JsonNode error = assertEnvelope(response, 400, "POST", "/api/v1/assets");
        assertThat(error.get("message").asString()).isEqualTo("A field is sent twice in the JSON body: \"name\"");
    }

    @Test
    void malformedJsonIs400() {
        ApiClient.Response response = api().send("POST", "/api/v1/auth/login", "{\"email\": \"a@b.c\",", "application/json");
        JsonNode error = assertEnvelope(response, 400, "POST", "/api/v1/auth/login");
        assertThat(error.get("message").asString()).containsIgnoringCase("malformed");
        assertEnvelope(api().send("POST", "/api/v1/auth/login", null, "application/json"), 400, "POST", "/api/v1/auth/login");
    }

    @Test
    void aBodyBeyondTheParsersLimitsIs400SayingWhich() {
        String deep = "{\"name\": \"deep\", \"asset_type\": \"server\", \"environment\": \"prod\", \"attributes\": "
                + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000) + "}";
        JsonNode error = assertEnvelope(tenants().admin().send("POST", "/api/v1/assets", deep, "application/json"), 400, "POST",
                "/api/v1/assets");
        assertThat(error.get("message").asString()).startsWith("JSON body nested too deeply (at most ").endsWith(" levels)")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void validationIs422WithFieldErrors() {
        ApiClient.Response response = api().post("/api/v1/auth/login", Map.of("email", "", "password", "x", "extra", 1));
        JsonNode error = assertEnvelope(response, 422, "POST", "/api/v1/auth/login");
        JsonNode fieldErrors = error.get("details").get("field_errors");
        assertThat(fieldErrors.isArray()).isTrue();
        JsonNode first = fieldErrors.get(0);
        assertThat(first.has("field") && first.has("message") && first.has("type")).isTrue();
        assertThat(fieldErrors.toString()).contains("\"extra\"");

        ApiClient.Response wrongType = api().send("POST", "/api/v1/auth/login", "{\"email\": [1], \"password\": \"x\"}", "application/json");
        assertThat(assertEnvelope(wrongType, 422, "POST", "/api/v1/auth/login").toString()).contains("\"field\":\"email\"");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"email\": \"" + "a".repeat(1_100_000) + "\", \"password\": \"x\"}";
        ApiClient.Response response = api().send("POST", "/api/v1/auth/login", big, "application/json");
        assertEnvelope(response, 413, "POST", "/api/v1/auth/login");
    }

    @Test
    void unexpectedFailureIs500WithoutInternalsButLoggedWithRequestId(CapturedOutput output) {
        ApiClient.Response response = api().withHeader("X-Request-ID", "trace-500-abc").get("/test-support/fail");
        JsonNode error = assertEnvelope(response, 500, "GET", "/test-support/fail");
        assertThat(error.get("message").asString()).isEqualTo("Internal server error");
        assertThat(response.text()).doesNotContain("SELECT", "Exception", "postgresql", "at io.", "password_hash");
        assertThat(response.header("X-Request-ID")).isEqualTo("trace-500-abc");
        assertThat(output.getAll()).contains("trace-500-abc").contains("IllegalStateException");
    }

    @Test
    void requestIdIsKeptWhenSaneAndReplacedOtherwise() {
        assertThat(api().withHeader("X-Request-ID", "abc-123.DEF:9").get("/actuator/health").header("X-Request-ID"))
                .isEqualTo("abc-123.DEF:9");
        String generated = api().get("/actuator/health").header("X-Request-ID");
        assertThat(generated).matches("[0-9a-f-]{36}");
        String forged = api().withHeader("X-Request-ID", "evil\" injected=1").get("/actuator/health").header("X-Request-ID");
        assertThat(forged).matches("[0-9a-f-]{36}");
        String tooLong = api().withHeader("X-Request-ID", "a".repeat(200)).get("/actuator/health").header("X-Request-ID");
        assertThat(tooLong).matches("[0-9a-f-]{36}");
    }

    @Test
    void malformedEncodingIs400AndNeverLogsTheParameters(CapturedOutput output) {
        ApiClient.Response form = api().send("POST", "/api/v1/auth/token", "username=a@b.c&password=MySecret%ZZpass",
                "application/x-www-form-urlencoded");
        assertEnvelope(form, 400, "POST", "/api/v1/auth/token");
        ApiClient.Response utf8 = api().send("POST", "/api/v1/auth/token", "username=a%C3%28&password=x",
                "application/x-www-form-urlencoded");
        assertThat(utf8.status()).isIn(400, 401);
        assertThat(output.getAll()).doesNotContain("MySecret");
    }

    @Test
    void wildcardContentTypeIs415() {
        assertEnvelope(api().send("POST", "/api/v1/auth/login", "{}", "application/*"), 415, "POST", "/api/v1/auth/login");
    }

    /** Endpoints that declare no media type used to fail deep in body reading (found by ApiFuzzIT): 415 as everywhere else. */
    @Test
    void aWildcardOrUnknownCharsetOnAnyBodyIs415() {
        String path = "/api/v1/admin/client-accounts";
        assertEnvelope(authed().send("POST", path, "{\"name\":\"x\"}", "*/*"), 415, "POST", path);
        assertEnvelope(authed().send("POST", path, "{\"name\":\"x\"}", "application/*"), 415, "POST", path);
        JsonNode charset = assertEnvelope(authed().send("POST", path, "{\"name\":\"x\"}", "application/json; charset=no-such-charset"),
                415, "POST", path);
        assertThat(charset.get("message").asString()).as("said by the filter, before any reader").contains("charset");
        assertEnvelope(api().send("POST", "/api/v1/auth/token", "username=a&password=b", "application/x-www-form-urlencoded; charset=no-such"),
                415, "POST", "/api/v1/auth/token");
        assertEnvelope(authed().send("POST", path, "", "application/*"), 415, "POST", path);
        assertThat(authed().send("GET", "/api/v1/assets", null, "*/*").status()).as("no body, no objection").isEqualTo(200);
    }

    /** The firewall checks parameter names only when they are read, after the security filters (found by ApiFuzzIT). */
    @Test
    void aParameterNameWithControlCharactersIs400() {
        assertEnvelope(authed().get("/api/v1/asset-inventory/list/paginated?tab%09here=1"), 400, "GET", "/api/v1/asset-inventory/list/paginated");
        assertEnvelope(authed().get("/api/v1/assets/export?%1B%07=1"), 400, "GET", "/api/v1/assets/export");
    }

    @Test
    void nulCharactersInJsonStringsAre422() {
        ApiClient.Response login = api().send("POST", "/api/v1/auth/login", "{\"email\": \"a\\u0000@x.example\", \"password\": \"x\"}",
                "application/json");
        JsonNode error = assertEnvelope(login, 422, "POST", "/api/v1/auth/login");
        assertThat(error.toString()).contains("NUL");
        ApiClient.Response account = authed().send("POST", "/api/v1/admin/client-accounts", "{\"name\": \"x\\u0000y\"}",
                "application/json");
        assertThat(account.status()).isEqualTo(422);
    }

    /** Requests Tomcat refuses before the application sees them still answer in the JSON envelope. */
    @Test
    void requestsTomcatRefusesItselfAnswerInTheEnvelopeToo() throws Exception {
        for (String target : new String[] {"/api/v1/assets/%", "/api/v1/assets/a%00b", "/x/" + "a".repeat(9000),
                "/api/v1/waves/plan?" + "y".repeat(200_000)}) {
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(target).startsWith("HTTP/1.1 4");
                assertThat(answer).as(target).contains("application/json").contains("\"status_code\":4")
                        .doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
            }
        }
    }
}
