package io.migrationplatform.tasks;

import static io.migrationplatform.tasks.TaskFixtures.awaitFinished;
import static io.migrationplatform.tasks.TaskFixtures.awaitTask;
import static io.migrationplatform.tasks.TaskFixtures.status;
import static io.migrationplatform.tasks.TaskFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/tasks[/{task_id}] over HTTP, with tasks submitted through a test-only endpoint and run by db-scheduler. */
class TasksIT extends ApiIntegrationTest {

    private TestTenants t;
    private TestTenants.Tenant tenant;
    private TestTenants.User user;
    private ApiClient client;

    @BeforeEach
    void tenant() {
        t = tenants();
        tenant = t.createTenant("tasks");
        user = t.createUser(tenant, "contributor");
        client = t.as(user);
    }

    @AfterAll
    static void releaseBlockedTasks() {
        TestTaskHandlers.releaseAll();
    }

    @Test
    void aTaskRunsToCompletionWithItsResultProgressAndItemErrors() {
        String id = submit(client, "test.echo", Map.of("items", 5, "bad", List.of(1, 3), "message", "hello"));
        JsonNode task = awaitFinished(client, id);

        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("completed");
        assertThat(task.get("id").asString()).isEqualTo(id);
        assertThat(task.get("task_id").asString()).isEqualTo(id);
        assertThat(task.get("kind").asString()).isEqualTo("test.echo");
        assertThat(task.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(task.get("processed").asLong()).isEqualTo(5);
        assertThat(task.get("total").asLong()).isEqualTo(5);
        assertThat(task.get("attempts").asInt()).isEqualTo(1);
        assertThat(task.get("message").isNull()).isTrue();
        assertThat(task.get("error_count").asLong()).isEqualTo(2);
        assertThat(task.get("errors").get("item-1").asString()).isEqualTo("bad item 1");
        assertThat(task.get("errors").get("item-3").asString()).isEqualTo("bad item 3");
        assertThat(task.get("errors").size()).isEqualTo(2);
        assertThat(task.get("created_by").asString()).isEqualTo(user.id().toString());
        Instant created = Instant.parse(task.get("created_at").asString());
        Instant started = Instant.parse(task.get("started_at").asString());
        Instant finished = Instant.parse(task.get("finished_at").asString());
        assertThat(started).isAfterOrEqualTo(created);
        assertThat(finished).isAfterOrEqualTo(started);

        JsonNode result = task.get("result");
        assertThat(result.get("echo").asString()).isEqualTo("hello");
        assertThat(result.get("items").asLong()).isEqualTo(5);
        assertThat(result.get("attempt").asInt()).isEqualTo(1);
        // The handler ran in the submitter's scope, as the submitter.
        assertThat(result.get("task_id").asString()).isEqualTo(id);
        assertThat(result.get("client_account_id").asString()).isEqualTo(tenant.accountId().toString());
        assertThat(result.get("engagement_id").asString()).isEqualTo(tenant.engagementId().toString());
        assertThat(result.get("role").asString()).isEqualTo("contributor");
        assertThat(result.get("created_by").asString()).isEqualTo(user.id().toString());
    }

    @Test
    void itemErrorsKeepTheFirstThousandAndCountAll() {
        String id = submit(client, "test.echo", Map.of("items", 1500, "all_bad", true));
        JsonNode task = awaitFinished(client, id);
        assertThat(task.get("status").asString()).isEqualTo("completed");
        assertThat(task.get("error_count").asLong()).isEqualTo(1500);
        assertThat(task.get("errors").size()).isEqualTo(1000);
        assertThat(task.get("errors").has("item-0")).isTrue();
        assertThat(task.get("errors").has("item-999")).isTrue();
        assertThat(task.get("errors").has("item-1000")).isFalse();
    }

    @Test
    void aRunningTaskShowsItsProgressAndThenFinishes() {
        String gate = "progress-" + UUID.randomUUID();
        String id = submit(client, "test.block-until-released", Map.of("gate", gate));
        try {
            JsonNode running = awaitTask(client, id, t -> t.get("status").asString().equals("running")
                    && t.get("processed").asLong() == 1, 20);
            assertThat(running.get("total").asLong()).isEqualTo(2);
            assertThat(running.get("progress").asDouble()).isEqualTo(0.5);
            assertThat(running.get("started_at").isNull()).isFalse();
            assertThat(running.get("finished_at").isNull()).isTrue();
            assertThat(running.get("result").isNull()).isTrue();
        } finally {
            TestTaskHandlers.release(gate);
        }
        JsonNode done = awaitFinished(client, id);
        assertThat(done.get("status").asString()).isEqualTo("completed");
        assertThat(done.get("result").get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void aFailingHandlerFailsTheTaskWithAMessageSafeForClients() {
        String id = submit(client, "test.fail", Map.of());
        JsonNode task = awaitFinished(client, id);
        assertThat(task.get("status").asString()).isEqualTo("failed");
        String message = task.get("message").asString();
        assertThat(message).contains(id).doesNotContain("SELECT").doesNotContain("password")
                .doesNotContain("Exception").doesNotContain("at io.");
        assertThat(task.toString()).doesNotContain(TestTaskHandlers.SECRET_DETAIL).doesNotContain("PSQLException");
        assertThat(task.get("attempts").asInt()).as("a handler failure is not retried").isEqualTo(1);
        assertThat(task.get("result").isNull()).isTrue();
        assertThat(task.get("finished_at").isNull()).isFalse();
        // What it did before failing is kept.
        assertThat(task.get("processed").asLong()).isEqualTo(1);
        assertThat(task.get("total").asLong()).isEqualTo(4);
        assertThat(task.get("error_count").asLong()).isEqualTo(1);
        assertThat(task.get("errors").get("item-0").asString()).isEqualTo("looked wrong before the failure");
    }

    @Test
    void aClientSafeExceptionKeepsItsMessage() {
        String id = submit(client, "test.fail", Map.of("client_message", "Batch of 0 assets: nothing to analyse"));
        JsonNode task = awaitFinished(client, id);
        assertThat(task.get("status").asString()).isEqualTo("failed");
        assertThat(task.get("message").asString()).isEqualTo("Batch of 0 assets: nothing to analyse");
    }

    @Test
    void anotherTenantsTaskIsNotFound() {
        String id = submit(client, "test.echo", Map.of("items", 1));
        awaitFinished(client, id);

        TestTenants.Tenant other = t.createTenant("tasks-other");
        ApiClient stranger = t.as(t.createUser(other, "admin"));
        ApiClient.Response response = stranger.get("/api/v1/tasks/" + id);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/message").asString()).isEqualTo("Task not found");
        assertThat(response.json().at("/error/status_code").asInt()).isEqualTo(404);
        assertThat(response.json().at("/error/path").asString()).isEqualTo("/api/v1/tasks/" + id);
        assertThat(response.text()).doesNotContain("test.echo");
        assertThat(stranger.get("/api/v1/tasks").json().at("/metadata/pagination/total").asLong()).isZero();

        // Another engagement of the same client account is another scope too.
        UUID engagement = t.addEngagement(tenant, "Second engagement");
        ApiClient otherEngagement = client.withHeader("X-Engagement-ID", engagement.toString());
        assertThat(otherEngagement.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(otherEngagement.get("/api/v1/tasks").json().at("/metadata/pagination/total").asLong()).isZero();
        assertThat(client.get("/api/v1/tasks/" + id).status()).isEqualTo(200);
    }

    @Test
    void unknownAndMalformedIdsAnswerInTheErrorEnvelope() {
        ApiClient.Response unknown = client.get("/api/v1/tasks/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/message").asString()).isEqualTo("Task not found");

        ApiClient.Response malformed = client.get("/api/v1/tasks/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("task_id");
        assertThat(malformed.json().at("/error/status_code").asInt()).isEqualTo(422);
    }

    @Test
    void withoutATokenTasksAnswer401() {
        String id = submit(client, "test.echo", Map.of("items", 1));
        for (String path : List.of("/api/v1/tasks/" + id, "/api/v1/tasks")) {
            ApiClient.Response response = api().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().at("/error/status_code").asInt()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void theListIsNewestFirstPaginatedAndFiltered() {
        List<String> echoes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            echoes.add(submit(client, "test.echo", Map.of("items", 1)));
        }
        String failed = submit(client, "test.fail", Map.of());
        for (String id : echoes) {
            awaitFinished(client, id);
        }
        awaitFinished(client, failed);

        // Any role in the scope may follow its tasks.
        ApiClient viewer = t.as(t.createUser(tenant, "viewer"));
        JsonNode page1 = viewer.get("/api/v1/tasks?page=1&page_size=3").json();
        assertThat(page1.get("success").asBoolean()).isTrue();
        assertThat(page1.at("/metadata/pagination/total").asLong()).isEqualTo(4);
        assertThat(page1.at("/metadata/pagination/pages").asLong()).isEqualTo(2);
        assertThat(page1.at("/metadata/pagination/has_next").asBoolean()).isTrue();
        assertThat(ids(page1)).containsExactly(failed, echoes.get(2), echoes.get(1));
        JsonNode page2 = viewer.get("/api/v1/tasks?page=2&page_size=3").json();
        assertThat(ids(page2)).containsExactly(echoes.get(0));
        assertThat(page2.at("/metadata/pagination/has_prev").asBoolean()).isTrue();
        assertThat(page2.get("data").get(0).get("task_id").asString()).isEqualTo(echoes.get(0));
        assertThat(page2.at("/data/0").has("result")).as("a list is brief: GET the task for its result").isFalse();
        assertThat(page2.at("/data/0").has("errors")).isFalse();
        assertThat(page2.at("/data/0/error_count").isNumber()).isTrue();
        assertThat(viewer.get("/api/v1/tasks/" + echoes.get(0)).json().has("result")).isTrue();

        assertThat(ids(viewer.get("/api/v1/tasks?status=failed").json())).containsExactly(failed);
        assertThat(ids(viewer.get("/api/v1/tasks?status=COMPLETED&kind=test.echo").json()))
                .containsExactly(echoes.get(2), echoes.get(1), echoes.get(0));
        assertThat(ids(viewer.get("/api/v1/tasks?kind=test.fail").json())).containsExactly(failed);
        assertThat(ids(viewer.get("/api/v1/tasks?status=running").json())).isEmpty();
        assertThat(ids(viewer.get("/api/v1/tasks?kind=analysis.batch").json())).isEmpty();

        ApiClient.Response badStatus = viewer.get("/api/v1/tasks?status=done");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.json().at("/error/details/field_errors/0/field").asString()).isEqualTo("status");
        assertThat(viewer.get("/api/v1/tasks?page_size=101").status()).isEqualTo(422);
        assertThat(viewer.get("/api/v1/tasks?page=0").status()).isEqualTo(422);
        assertThat(viewer.get("/api/v1/tasks?kind=" + "k".repeat(101)).status()).isEqualTo(422);
    }

    @Test
    void theTaskEndpointsAreDocumented() {
        String openApi = api().get("/openapi.json").text();
        assertThat(openApi).contains("/api/v1/tasks/{task_id}").contains("\"/api/v1/tasks\"").contains("error_count")
                .doesNotContain("test-support/tasks");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(task -> ids.add(task.get("id").asString()));
        return ids;
    }
}
