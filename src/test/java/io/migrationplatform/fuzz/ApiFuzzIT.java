package io.migrationplatform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.Polling;
import io.migrationplatform.support.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes every operation of the service's own OpenAPI document over real HTTP, as every role of a tenant
 * (viewer, contributor, admin, super_admin; not the platform administrator, who could deactivate the accounts of
 * the API tests running beside it), as another tenant's administrator, anonymously and with a token signed with
 * another key (see {@link FuzzRequests} and
 * {@link FuzzValues} for what is generated). Every answer must be below 500, an error must be the JSON
 * envelope with no internals, nothing may hang, no answer may carry data of a tenant the caller has no
 * access to, and no caller may change data it is not allowed to: tenant A's data is compared before and
 * after a foreign administrator and anonymous callers have had their go, then before and after its viewer's
 * (who may only add analyses), and tenant C's — whom nobody calls — at the very end.
 *
 * <p>{@code -Dfuzz.requests=N} (default 10,000, what CI runs) and {@code -Dfuzz.seed=S} (default fixed) set the
 * budget and the generator; a failure names the seed and the request, so it can be replayed.
 */
class ApiFuzzIT extends ApiIntegrationTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_204L);
    private static final int PARALLEL = 4;
    private static final Set<String> INTERNALS = Set.of("\tat ", "java.lang.", "org.springframework.", "io.migrationplatform.",
            "org.postgresql", "PSQLException", "SQLState", "tools.jackson", "com.fasterxml", "NullPointerException");
    /** What READ_ASSETS may write: analyses (POST /assets/{id}/analyze, /assets/analyze-batch) and the tasks of batch analyses. */
    private static final Set<String> READER_MAY_WRITE = Set.of("asset_analyses", "tasks");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private DataSource dataSource;

    /** Someone calling, and what they must never see in an answer. */
    private record Caller(String name, String token, List<String> mustNotSee) {
    }

    /** A tenant with data of every kind, and the values that identify it. */
    private record Populated(TestTenants.Tenant tenant, List<String> ids, List<String> secrets) {
    }

    @Test
    void everyOperationSurvivesGeneratedRequestsFromEveryRoleAndTenant() throws Exception {
        OpenApiOperations api = OpenApiOperations.of(api().get("/openapi.json").json());
        assertThat(api.operations()).as("operations in the OpenAPI document").hasSizeGreaterThan(60);
        TestTenants t = tenants();
        TestTenants.Tenant a = t.createTenant("fuzz-a");
        TestTenants.Tenant b = t.createTenant("fuzz-b");
        TestTenants.Tenant c = t.createTenant("fuzz-c");
        TestTenants.User aSuper = t.createUser(a, "super_admin");
        TestTenants.User aAdmin = t.createUser(a, "admin");
        TestTenants.User aContributor = t.createUser(a, "contributor");
        TestTenants.User aViewer = t.createUser(a, "viewer");
        TestTenants.User bAdmin = t.createUser(b, "admin");
        TestTenants.User cAdmin = t.createUser(c, "admin");
        Populated dataA = populate(t.as(aAdmin), a, List.of(aSuper, aAdmin, aContributor, aViewer));
        Populated dataB = populate(t.as(bAdmin), b, List.of(bAdmin));
        Populated dataC = populate(t.as(cAdmin), c, List.of(cAdmin));
        List<String> ids = new ArrayList<>();
        ids.addAll(dataA.ids());
        ids.addAll(dataB.ids());
        ids.addAll(dataC.ids());
        for (int i = 0; i < 5; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        List<String> notA = new ArrayList<>(dataA.secrets());
        notA.addAll(dataC.secrets());
        // A's admin's own claims, signed with a key that is not the service's.
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        SignedJWT resigned = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                SignedJWT.parse(aAdmin.accessToken()).getJWTClaimsSet());
        resigned.sign(new MACSigner(otherKey));
        String forged = resigned.serialize();

        Random random = new Random(SEED);
        FuzzValues values = new FuzzValues(random, api, ids);
        FuzzRequests requests = new FuzzRequests(random, values, ids);
        List<String> failures = new ArrayList<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

        // Stage 1: callers with no right to change anything of tenant A's.
        String beforeA = digest(a.accountId(), Set.of());
        String beforeC = digest(c.accountId(), Set.of());
        List<Caller> outsiders = List.of(new Caller("admin of B", bAdmin.accessToken(), notA), new Caller("anonymous", null, notA),
                new Caller("token signed with another key", forged, notA));
        run(api, requests, values, outsiders, 0, REQUESTS / 4, failures, statuses);
        failOn(failures);
        assertThat(digest(a.accountId(), Set.of())).as("tenant A's data after a foreign admin and anonymous callers").isEqualTo(beforeA);

        // Stage 2: A's viewer may read and have assets analysed (the analysis is derived data, stored with its task), nothing else.
        String beforeViewer = digest(a.accountId(), READER_MAY_WRITE);
        run(api, requests, values, List.of(new Caller("viewer of A", aViewer.accessToken(), dataC.secrets())), REQUESTS / 4, REQUESTS / 2,
                failures, statuses);
        failOn(failures);
        assertThat(digest(a.accountId(), READER_MAY_WRITE)).as("tenant A's data after its viewer").isEqualTo(beforeViewer);

        // Stage 3: tenant A's own writers join (and may change A), B's admin goes on.
        List<Caller> everyone = List.of(new Caller("super_admin of A", aSuper.accessToken(), dataC.secrets()),
                new Caller("admin of A", aAdmin.accessToken(), dataC.secrets()),
                new Caller("contributor of A", aContributor.accessToken(), dataC.secrets()),
                new Caller("viewer of A", aViewer.accessToken(), dataC.secrets()), new Caller("admin of B", bAdmin.accessToken(), notA));
        run(api, requests, values, everyone, REQUESTS / 2, REQUESTS, failures, statuses);
        failOn(failures);
        assertThat(digest(c.accountId(), Set.of())).as("tenant C's data, whom nobody called").isEqualTo(beforeC);
        System.out.printf("API fuzz: %d requests, seed %d, statuses %s%n", REQUESTS, SEED, new java.util.TreeMap<>(statuses));
        assertThat(statuses.keySet()).as("the requests reached the handlers, not only the front door").contains(200, 400, 404, 422);
    }

    private void run(OpenApiOperations api, FuzzRequests requests, FuzzValues values, List<Caller> callers, int from, int to,
                     List<String> failures, Map<Integer, AtomicInteger> statuses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int batch = from; batch < to; batch += 100) {
                List<Future<?>> sent = new ArrayList<>();
                ConcurrentLinkedQueue<String> found = new ConcurrentLinkedQueue<>();
                for (int i = batch; i < Math.min(to, batch + 100); i++) {
                    // Generated here, in order, so the seed alone decides every request; sent in parallel.
                    OpenApiOperations.Operation op = values.pick(api.operations());
                    Caller caller = values.pick(callers);
                    if (op.path().equals("/api/v1/auth/logout") && caller.token() != null) {
                        continue; // would end the caller's own session and leave the rest of the run unauthenticated
                    }
                    FuzzRequests.FuzzRequest request = requests.next(op);
                    int index = i;
                    sent.add(pool.submit(() -> check(index, caller, request, statuses, found)));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
                failures.addAll(found);
                if (failures.size() > 30) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void check(int index, Caller caller, FuzzRequests.FuzzRequest request, Map<Integer, AtomicInteger> statuses,
                       ConcurrentLinkedQueue<String> failures) {
        String where = "#" + index + " (seed " + SEED + ") as " + caller.name() + ": " + request;
        HttpRequest.Builder http;
        try {
            http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.pathAndQuery())).timeout(Duration.ofSeconds(60))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(http::header);
            if (caller.token() != null) {
                http.header("Authorization", "Bearer " + caller.token());
            }
        } catch (IllegalArgumentException e) {
            return; // a header value the HTTP client itself refuses to send
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            if (request.body() != null && request.body().length > 1_000_000 || request.pathAndQuery().length() > 8_000) {
                // Refused at the door (413 for the body, Tomcat's 400 for a request line beyond its 8 KB) and the connection
                // closed while the client was still sending: the answer is lost to the reset, not missing (ErrorEnvelopeIT
                // reads both answers over a raw socket).
                return;
            }
            failures.add("no answer (" + e + "): " + where);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = response.statusCode();
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        String body = response.body();
        if (status >= 500) {
            failures.add(status + " " + shorten(body) + ": " + where);
            return;
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode error = null;
            try {
                error = ApiClient.JSON.readTree(body).get("error");
            } catch (RuntimeException ignored) {
                // not JSON
            }
            if (!type.startsWith("application/json") || error == null || error.path("status_code").asInt() != status
                    || error.path("message").asString("").isBlank()) {
                failures.add(status + " outside the error envelope (" + type + ") " + shorten(body) + ": " + where);
                return;
            }
        }
        String sent = request.text();
        for (String internal : INTERNALS) {
            if (status >= 400 && body.contains(internal) && !sent.contains(internal)) {
                failures.add(status + " shows internals (" + internal.strip() + ") " + shorten(body) + ": " + where);
                return;
            }
        }
        for (String secret : caller.mustNotSee()) {
            if (body.contains(secret) && !sent.contains(secret)) {
                failures.add(status + " leaks '" + secret + "' to " + caller.name() + ": " + shorten(body) + ": " + where);
                return;
            }
        }
    }

    /**
     * Gives the tenant data of every kind, finished (so nothing changes it on its own later): assets with an
     * edge, a completed import, a completed assessment and a completed wave plan.
     */
    private Populated populate(ApiClient admin, TestTenants.Tenant tenant, List<TestTenants.User> users) {
        String marker = "secret-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>(List.of(tenant.accountId().toString(), tenant.engagementId().toString()));
        List<String> secrets = new ArrayList<>(List.of(tenant.accountId().toString(), tenant.engagementId().toString(), marker));
        users.forEach(u -> {
            ids.add(u.id().toString());
            secrets.add(u.email());
        });
        List<String> assets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> asset = new LinkedHashMap<>();
            asset.put("name", marker + "-" + i);
            asset.put("asset_type", "server");
            asset.put("environment", "prod");
            asset.put("hostname", marker + "-" + i + ".example.com");
            ApiClient.Response created = admin.post("/api/v1/assets", asset);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assets.add(created.json().get("id").asString());
        }
        admin.post("/api/v1/assets/" + assets.get(0) + "/dependencies", Map.of("depends_on_asset_id", assets.get(1)));
        ids.addAll(assets);
        secrets.addAll(assets);
        String csv = "name,type,environment\n" + marker + "-imported,server,prod\n";
        String importId = admin.upload("/api/v1/discovery/imports", "file", "f.csv", csv.getBytes(StandardCharsets.UTF_8)).json()
                .get("id").asString();
        String importFlow = admin.post("/api/v1/discovery/imports/" + importId + "/execute", null).json().get("flow_id").asString();
        finished(admin, "/api/v1/discovery/imports/" + importId);
        JsonNode assessment = admin.post("/api/v1/assessments", Map.of("name", marker, "filters", Map.of())).json();
        finished(admin, "/api/v1/assessments/" + assessment.get("id").asString());
        JsonNode plan = admin.post("/api/v1/waves/plan", Map.of("name", marker)).json();
        finished(admin, "/api/v1/waves/" + plan.get("id").asString());
        for (String id : List.of(importId, importFlow, assessment.get("id").asString(), assessment.get("flow_id").asString(),
                plan.get("id").asString(), plan.get("flow_id").asString())) {
            ids.add(id);
            secrets.add(id);
        }
        return new Populated(tenant, ids, secrets);
    }

    private static void finished(ApiClient admin, String path) {
        JsonNode done = Polling.until(() -> admin.get(path).json(),
                json -> Set.of("completed", "failed").contains(json.path("status").asString()), Duration.ofSeconds(60), path);
        assertThat(done.get("status").asString()).as(path + " " + done).isEqualTo("completed");
    }

    /** Every row of every table that belongs to the client account (directly or through a parent), and the account itself. */
    private String digest(UUID account, Set<String> ignoredTables) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.columns
                        WHERE column_name = 'client_account_id' AND table_schema = ANY (current_schemas(false))
                        ORDER BY table_name""").query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            if (ignoredTables.contains(table)) {
                continue;
            }
            all.append(table).append('=').append(jdbc.sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                    + table + " t WHERE client_account_id = :account").param("account", account).query(String.class).single()).append('\n');
        }
        // Tables that belong to the account through a parent: the account's users with their sessions and refresh
        // tokens, the waves and planned assets of its plans, the staged rows, outcomes and issues of its imports.
        Map<String, String> children = new LinkedHashMap<>();
        children.put("users", "SELECT t.* FROM users t WHERE t.id IN (SELECT user_id FROM user_account_roles WHERE client_account_id = :account)");
        children.put("auth_sessions", "SELECT t.* FROM auth_sessions t WHERE t.user_id IN "
                + "(SELECT user_id FROM user_account_roles WHERE client_account_id = :account)");
        children.put("refresh_tokens", "SELECT t.* FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id WHERE s.user_id IN "
                + "(SELECT user_id FROM user_account_roles WHERE client_account_id = :account)");
        for (String table : List.of("wave_plan_waves", "wave_plan_assets")) {
            children.put(table, "SELECT t.* FROM " + table + " t JOIN wave_plans p ON p.id = t.plan_id WHERE p.client_account_id = :account");
        }
        for (String table : List.of("discovery_import_rows", "discovery_import_outcomes", "discovery_import_issues")) {
            children.put(table, "SELECT t.* FROM " + table + " t JOIN discovery_imports i ON i.id = t.import_id WHERE i.client_account_id = :account");
        }
        children.forEach((table, rows) -> {
            if (!ignoredTables.contains(table)) {
                all.append(table).append('=').append(jdbc.sql("SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ("
                        + rows + ") r").param("account", account).query(String.class).single()).append('\n');
            }
        });
        all.append(jdbc.sql("SELECT t::text FROM client_accounts t WHERE id = :account").param("account", account).query(String.class).single());
        return all.toString();
    }

    private static void failOn(List<String> failures) {
        if (!failures.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(failures.size() + " problem(s):\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        }
    }

    private static String shorten(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
