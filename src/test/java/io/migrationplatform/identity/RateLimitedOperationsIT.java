package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation that starts expensive work is limited per user, whatever its request holds: the limit is
 * counted before the body is read, so a client cannot hammer the service with requests that fail later.
 * Operations of one limit share it (an import's execute, resume and retry are flow starts, like POST /flows).
 */
class RateLimitedOperationsIT extends ApiIntegrationTest {

    static Stream<Arguments> limited() {
        String someId = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("assessments", 20, "/api/v1/assessments"),
                Arguments.of("batch analysis", 30, "/api/v1/assets/analyze-batch"),
                Arguments.of("wave planning", 20, "/api/v1/waves/plan"),
                Arguments.of("flows", 20, "/api/v1/flows"),
                Arguments.of("an import's execute", 20, "/api/v1/discovery/imports/" + someId + "/execute"),
                Arguments.of("a flow's resume", 20, "/api/v1/flows/" + someId + "/resume"),
                Arguments.of("a flow's retry", 20, "/api/v1/flows/" + someId + "/retry"));
    }

    @ParameterizedTest(name = "{0}: {1} a minute")
    @MethodSource("limited")
    void beyondTheLimitAUserWaitsWithRetryAfter(String operation, int perMinute, String path) {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant("limited-" + perMinute);
        ApiClient busy = t.as(t.createUser(tenant, "admin"));
        ApiClient other = t.as(t.createUser(tenant, "admin"));

        // A body the operation refuses (or an id that does not exist): cheap to answer, still counted. Sent until the
        // first 429: the bucket refills one request every 60/limit seconds meanwhile, so a slow machine gets a few more.
        long start = System.nanoTime();
        int accepted = 0;
        ApiClient.Response refused = null;
        while (refused == null && accepted <= 2 * perMinute) {
            ApiClient.Response response = busy.send("POST", path, "{\"no_such_field\": 1}", "application/json");
            if (response.status() == 429) {
                refused = response;
            } else {
                accepted++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(refused).as("refused within twice the limit").isNotNull();
        assertThat(accepted).as("the burst, plus what refilled in %.1f s", seconds)
                .isBetween(perMinute, perMinute + (int) Math.ceil(seconds * perMinute / 60) + 1);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.json().at("/error/message").asString()).contains("at most " + perMinute + " a minute per user");
        assertThat(other.send("POST", path, "{\"no_such_field\": 1}", "application/json").status())
                .as("another user has a limit of their own").isNotEqualTo(429);
    }
}
