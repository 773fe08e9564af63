package io.migrationplatform.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar migration-platform.jar migrate <file>}: the whole path a migration team takes, against a
 * running server — log in, upload the inventory export, run the discovery flow, assess every asset and
 * approve, plan waves and apply the plan, download the plan — printing a readable summary. Needs nothing
 * but the JDK: it talks to the server over HTTP like any client. Exit status 0 when every step worked,
 * 1 when the server refused a step (the answer is printed), 2 for a usage error.
 */
public final class MigrateCommand {

    static final String NAME = "migrate";
    private static final String USAGE = """
            Usage: java -jar migration-platform.jar migrate <inventory file> [options]

            Runs the whole path against a running server: upload -> discovery flow -> assessment (approved)
            -> wave plan (applied) -> the plan downloaded as CSV, and prints a summary.

            Options:
              --wave-size N         at most N assets a wave (default 50)
              --start-date DATE     first wave's start, YYYY-MM-DD (default: today)
              --pilot               a small pilot wave first
              --engagement MODE     new: a new engagement for this run, named after the file (default when the
                                    user may create one); default: the user's default engagement
              --output DIR          where the plan's CSV goes (default: the current directory)

            Environment: MIGRATE_URL (default http://localhost:8080), MIGRATE_EMAIL (default admin@example.com),
            MIGRATE_PASSWORD (default: the generated password the server kept in ./data/initial-admin-password,
            or $MIGRATE_DATA_DIR/initial-admin-password, when the server runs on this machine).
            """;

    private final PrintStream out;
    private final Map<String, String> env;

    MigrateCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    /** Whether the arguments ask for this command rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    public static int main(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        MigrateOptions options;
        try {
            options = MigrateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        try {
            new MigrateCommand(out, env).run(options);
            return 0;
        } catch (ApiClient.ApiException e) {
            err.println();
            err.println("Stopped: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println();
            err.println("Stopped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    void run(MigrateOptions options) throws IOException {
        String url = env.getOrDefault("MIGRATE_URL", "http://localhost:8080").strip().replaceAll("/+$", "");
        if (!url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            throw new ApiClient.ApiException(0, "MIGRATE_URL must be the server's address, like http://localhost:8080 (got " + url + ")");
        }
        String email = env.getOrDefault("MIGRATE_EMAIL", "admin@example.com");
        ApiClient api = new ApiClient(url);
        String file = options.file().getFileName().toString();
        out.printf("Migration Platform: %s -> %s as %s%n%n", file, url, email);

        api.login(email, password());
        JsonNode me = api.get("/api/v1/auth/me");
        String account = me.path("default_client_account_id").asString();
        if (options.newEngagement()) {
            String name = file + " " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now());
            try {
                JsonNode engagement = api.post("/api/v1/admin/client-accounts/" + account + "/engagements", Map.of("name", name));
                api.scope(account, engagement.path("id").asString());
                out.printf("  Engagement   %s (new, in %s)%n", name, accountName(me, account));
            } catch (ApiClient.ApiException e) {
                if (e.status() != 403) {
                    throw e;
                }
                out.printf("  Engagement   your default one (you may not create engagements)%n");
            }
        } else {
            out.printf("  Engagement   your default one%n");
        }

        // 1. Upload: detection and suggested mappings.
        JsonNode upload = api.upload("/api/v1/discovery/imports", options.file());
        String importId = upload.path("id").asString();
        int mapped = 0;
        int kept = 0;
        for (JsonNode mapping : upload.path("mappings")) {
            if ("attributes".equals(mapping.path("target_field").asString())) {
                kept++;
            } else if (!mapping.path("target_field").isNull()) {
                mapped++;
            }
        }
        out.printf("1 Upload       %s: %s (%s), %d rows, %d columns: %d mapped to asset fields, %d kept as attributes%n",
                file, upload.path("format").asString(), upload.path("source_type").asString(), upload.path("row_count").asInt(),
                upload.path("columns").size(), mapped, kept);

        // 2. Discovery flow.
        Instant started = Instant.now();
        JsonNode execution = api.post("/api/v1/discovery/imports/" + importId + "/execute", null);
        JsonNode imported = awaitStatus(api, "/api/v1/discovery/imports/" + importId, "discovery", "completed", "failed");
        JsonNode result = imported.path("result");
        out.printf("2 Discovery    flow %s %s in %s: %s%n", execution.path("flow_id").asString(), imported.path("status").asString(),
                seconds(started), phases(imported.path("phases")));
        if (!"completed".equals(imported.path("status").asString())) {
            throw new ApiClient.ApiException(0, "the discovery flow " + imported.path("status").asString() + ": "
                    + imported.path("error").asString(""));
        }
        out.printf("               assets: %d created, %d updated, %s merged as duplicates; %s rejected%n",
                result.path("assets_created").asInt(), result.path("assets_updated").asInt(), plural(result.path("rows_merged").asInt(), "row"),
                plural(result.path("rejected_rows").asInt(), "row"));
        int unresolved = result.path("unresolved_references").asInt();
        out.printf("               dependencies in the file: %s (%d new)%s%n", plural(result.path("dependencies_found").asInt(), "edge"),
                result.path("dependencies_added").asInt(), unresolved > 0 ? ", " + plural(unresolved, "reference") + " to unknown assets" : "");
        JsonNode graph = api.get("/api/v1/asset-inventory/dependency-graph");
        out.printf("               the engagement now: %s, %s, %s%n", plural(graph.path("nodes").size(), "asset"),
                plural(graph.path("edges").size(), "dependency", "dependencies"), plural(graph.path("cycles").size(), "cycle"));
        JsonNode problems = api.get("/api/v1/discovery/imports/" + importId + "/errors?page_size=5");
        long problemCount = problems.at("/metadata/pagination/total").asLong();
        if (problemCount > 0) {
            out.printf("               %s noted%s:%n", plural(problemCount, "problem"), problemCount > 5 ? ", the first 5" : "");
            for (JsonNode problem : problems.path("data")) {
                String value = problem.path("value").isNull() || problem.path("value").isMissingNode()
                        || problem.path("value").asString("").isEmpty() || "null".equals(problem.path("value").asString())
                        ? "(empty)" : "\"" + shorten(problem.path("value").asString(""), 40) + "\"";
                String where = problem.path("column").isNull() || problem.path("column").asString("").isEmpty()
                        ? "" : ", " + problem.path("column").asString() + " = " + value;
                out.printf("                 row %s%s: %s%n", problem.path("row_number").asString("-"), where, problem.path("reason").asString());
            }
        }

        // 3. Assessment of every asset of the engagement, then approval (strategies written to the assets).
        started = Instant.now();
        JsonNode assessment = api.post("/api/v1/assessments", Map.of("name", "Assessment of " + file, "filters", Map.of()));
        String assessmentId = assessment.path("id").asString();
        assessment = awaitStatus(api, "/api/v1/assessments/" + assessmentId, "assessment", "completed", "failed");
        if (!"completed".equals(assessment.path("status").asString())) {
            throw new ApiClient.ApiException(0, "the assessment " + assessment.path("status").asString() + ": "
                    + assessment.path("message").asString(""));
        }
        JsonNode summary = assessment.path("summary");
        out.printf("3 Assessment   %s in %s; effort %.0f person-days%n", plural(assessment.path("asset_count").asInt(), "asset"), seconds(started),
                summary.path("effort_person_days").asDouble());
        out.printf("               strategy:  %s%n", counts(summary.path("by_strategy"), 7));
        out.printf("               readiness: %s%n", counts(summary.path("by_readiness"), 4));
        out.printf("               top risks: %s%n", counts(summary.path("risks"), 5));
        if (!summary.path("blockers").isEmpty()) {
            out.printf("               blockers:  %s%n", counts(summary.path("blockers"), 5));
        }
        JsonNode approval = api.post("/api/v1/assessments/" + assessmentId + "/approve", null);
        out.printf("               approved: strategy written to %s%n", plural(approval.path("assets_changed").asInt()
                + approval.path("assets_unchanged").asInt(), "asset"));

        // 4. Wave plan, applied.
        started = Instant.now();
        Map<String, Object> planRequest = new LinkedHashMap<>();
        planRequest.put("name", file.replaceFirst("\\.[^.]+$", ""));
        planRequest.put("max_assets_per_wave", options.waveSize());
        if (options.startDate() != null) {
            planRequest.put("start_date", options.startDate());
        }
        planRequest.put("pilot", options.pilot());
        JsonNode plan = api.post("/api/v1/waves/plan", planRequest);
        String planId = plan.path("id").asString();
        plan = awaitStatus(api, "/api/v1/waves/" + planId, "wave plan", "completed", "failed");
        if (!"completed".equals(plan.path("status").asString())) {
            throw new ApiClient.ApiException(0, "the wave plan " + plan.path("status").asString() + ": " + plan.path("message").asString(""));
        }
        JsonNode planSummary = plan.path("summary");
        out.printf("4 Wave plan    %s in %s of at most %d, in %s; %d excluded (%s); %s kept together%n",
                plural(planSummary.path("planned_assets").asInt(), "asset"), plural(planSummary.path("wave_count").asInt(), "wave"),
                options.waveSize(), seconds(started), planSummary.path("excluded_assets").asInt(),
                String.join(", ", strings(plan.at("/options/exclude_strategies"))), plural(planSummary.path("cycles").asInt(), "cycle"));
        for (JsonNode wave : plan.path("waves")) {
            List<String> names = new ArrayList<>();
            for (JsonNode asset : wave.path("assets")) {
                names.add(asset.path("name").asString());
            }
            out.printf("               wave %-3d %s .. %s  %9s%s  %s%n", wave.path("wave_number").asInt(),
                    wave.path("start_date").asString(), wave.path("end_date").asString(), plural(wave.path("asset_count").asInt(), "asset"),
                    wave.path("pilot").asBoolean() ? " (pilot)" : "", shorten(String.join(", ", names), 70));
        }
        int constraints = planSummary.path("constraints_total").asInt();
        if (constraints > 0) {
            out.printf("               %s the plan%s:%n", constraints == 1 ? "1 dependency leaves" : constraints + " dependencies leave",
                    constraints > 3 ? ", e.g." : "");
            int shown = 0;
            for (JsonNode c : plan.path("constraints")) {
                if (shown++ == 3) {
                    break;
                }
                out.printf("                 %s needs %s (%s%s)%n", c.path("asset_name").asString(), c.path("depends_on_name").asString(),
                        c.path("reason").asString().replace('_', ' '), c.path("strategy").isNull() ? "" : ": " + c.path("strategy").asString());
            }
        }
        for (JsonNode warning : plan.path("warnings")) {
            out.printf("               warning: %s%n", warning.asString());
        }
        JsonNode applied = api.post("/api/v1/waves/" + planId + "/apply", null);
        out.printf("               applied: migration_wave written to %s%n", plural(applied.path("assets_changed").asInt()
                + applied.path("assets_unchanged").asInt(), "asset"));

        // 5. The plan as a file to hand on.
        Files.createDirectories(options.output());
        Path saved = api.download("/api/v1/waves/" + planId + "/export?format=csv", options.output());
        long lines;
        try (var stream = Files.lines(saved)) {
            lines = stream.count();
        }
        out.printf("5 Download     %s (%s and a header)%n", saved, plural(lines - 1, "row"));
    }

    /** MIGRATE_PASSWORD, else the password the server generated on its first start (same machine). */
    private String password() throws IOException {
        String password = env.get("MIGRATE_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return password;
        }
        Path kept = Path.of(env.getOrDefault("MIGRATE_DATA_DIR", "./data"), "initial-admin-password");
        if (Files.isReadable(kept)) {
            return Files.readString(kept).strip();
        }
        throw new ApiClient.ApiException(0, "no password: set MIGRATE_PASSWORD (the bootstrap administrator's is in the server's first "
                + "log, and in " + kept + " when the server runs here)");
    }

    private JsonNode awaitStatus(ApiClient api, String path, String what, String... finished) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = api.get(path);
            String status = current.path("status").asString();
            for (String end : finished) {
                if (end.equals(status)) {
                    return current;
                }
            }
            if (status.equals("paused") || status.equals("cancelled") || status.equals("waiting_for_input")) {
                return current;
            }
            if (!status.equals(last)) {
                last = status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new ApiClient.ApiException(0, "the " + what + " did not finish within 30 minutes (last status: " + last + ")");
    }

    private static String phases(JsonNode phases) {
        List<String> done = new ArrayList<>();
        for (JsonNode phase : phases) {
            String status = phase.path("status").asString();
            done.add(phase.path("name").asString() + (status.equals("completed") ? "" : " (" + status + ")"));
        }
        return String.join(" > ", done);
    }

    private static String counts(JsonNode counts, int limit) {
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = counts.properties().iterator();
        while (fields.hasNext() && parts.size() < limit) {
            Map.Entry<String, JsonNode> field = fields.next();
            parts.add(field.getKey() + " " + field.getValue().asInt());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String accountName(JsonNode me, String account) {
        for (JsonNode membership : me.path("client_accounts")) {
            if (account.equals(membership.path("id").asString())) {
                return membership.path("name").asString(account);
            }
        }
        return account;
    }

    private static String plural(long count, String noun) {
        return plural(count, noun, noun + "s");
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String seconds(Instant started) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
