package io.migrationplatform.discovery;

import static io.migrationplatform.discovery.ImportFixtures.execute;
import static io.migrationplatform.discovery.ImportFixtures.resource;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrationplatform.support.ApiClient;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Everything an import leaves behind, compared with a recorded expectation: the assets (every
 * column), edges, audit entries, per-row outcomes, issues in the order the API lists them, the
 * result and each phase's counts — for a first export full of merges, rejections and odd values,
 * an updated export over it (updates, unchanged rows, two rows matching one asset, references to
 * assets outside the file), the same update again (nothing changes), and the first export in a
 * second tenant (nothing matches across tenants).
 *
 * <p>The updated export names db-01 twice with different external ids (A002 without a host name, Z999
 * with host name db-01): both rows update db-01, the second one last, so running that export again
 * creates a new asset for A002. The expectation records that behaviour as it is; it is not an endorsement.
 *
 * <p>Ids and timestamps are replaced by names, so the expectation only holds what an import decides.
 * The expectation was recorded from the row-at-a-time implementation before imports were streamed
 * in chunks; {@code -Ddiscovery.behaviour.record=true} records it again (review the diff!).
 */
class ImportBehaviourIT extends ApiIntegrationTest {

    private static final Path EXPECTED = Path.of("src/test/resources/discovery/behaviour/expected.txt");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportLeavesExactlyWhatWasRecorded() throws IOException {
        TestTenants t = tenants();
        TestTenants.Tenant first = t.createTenant("behaviour");
        TestTenants.Tenant second = t.createTenant("behaviour-other");
        ApiClient a = t.as(t.createUser(first, "contributor"));
        ApiClient b = t.as(t.createUser(second, "contributor"));
        Map<String, String> labels = new HashMap<>();
        StringBuilder dump = new StringBuilder();

        run(a, first, "first-export.csv", "first import", labels, dump);
        run(a, first, "updated-export.csv", "updated export", labels, dump);
        run(a, first, "updated-export.csv", "updated export again", labels, dump);
        run(b, second, "first-export.csv", "first export in another tenant", labels, dump);

        String actual = dump.toString();
        if (Boolean.getBoolean("discovery.behaviour.record")) {
            Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    private void run(ApiClient client, TestTenants.Tenant tenant, String file, String title, Map<String, String> labels,
                     StringBuilder dump) {
        JsonNode uploaded = upload(client, file, resource("behaviour/" + file));
        String importId = uploaded.get("id").asString();
        labels.put(importId, "import " + (labels.values().stream().filter(l -> l.startsWith("import ")).count() + 1));
        JsonNode done = execute(client, importId);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("completed");
        labelAssets(tenant, labels);

        dump.append("### ").append(title).append('\n');
        dump.append("result ").append(done.get("result")).append('\n');
        for (JsonNode phase : done.get("phases")) {
            dump.append("phase ").append(phase.get("name").asString()).append(' ').append(phase.get("status").asString())
                    .append(' ').append(phase.get("counts")).append('\n');
        }
        section(dump, "assets", jdbc.sql("""
                        SELECT to_jsonb(a) - 'id' - 'client_account_id' - 'engagement_id' - 'created_at' - 'updated_at'
                               - 'created_by' - 'updated_by' AS row
                        FROM assets a WHERE client_account_id = :account AND engagement_id = :engagement""")
                .param("account", tenant.accountId()).param("engagement", tenant.engagementId())
                .query(String.class).list(), labels, Order.SORTED);
        section(dump, "edges", jdbc.sql("""
                        SELECT asset_id || ' -> ' || depends_on_asset_id || ' ' || dependency_type || ' '
                               || coalesce(criticality, '-') || ' ' || coalesce(port::text, '-') || ' ' || coalesce(protocol, '-')
                        FROM asset_dependencies WHERE client_account_id = :account AND engagement_id = :engagement""")
                .param("account", tenant.accountId()).param("engagement", tenant.engagementId())
                .query(String.class).list(), labels, Order.SORTED);
        // Per asset in the order they were written (the history API's order, reversed).
        section(dump, "audit", jdbc.sql("""
                        SELECT asset_id || ' ' || action || ' ' || changes::text || ' by ' || coalesce(actor_email, '-')
                               || ' via ' || source || ' request ' || CASE WHEN request_id IS NULL THEN 'none' ELSE 'set' END
                        FROM asset_audit_log WHERE client_account_id = :account AND engagement_id = :engagement ORDER BY id""")
                .param("account", tenant.accountId()).param("engagement", tenant.engagementId())
                .query(String.class).list(), labels, Order.BY_ASSET);
        section(dump, "outcomes of this import", jdbc.sql("""
                        SELECT row_number || ' ' || outcome || ' ' || coalesce(asset_id::text, '-')
                        FROM discovery_import_outcomes WHERE import_id = :id ORDER BY row_number""")
                .param("id", UUID.fromString(importId)).query(String.class).list(), labels, Order.AS_IS);
        List<String> issues = new ArrayList<>();
        for (int p = 1; ; p++) {
            JsonNode page = client.get("/api/v1/discovery/imports/" + importId + "/errors?page_size=100&page=" + p).json();
            page.get("data").forEach(issue -> issues.add(issue.toString()));
            if (!page.at("/metadata/pagination/has_next").asBoolean()) {
                assertThat(page.at("/metadata/pagination/total").asInt()).isEqualTo(issues.size());
                break;
            }
        }
        section(dump, "issues of this import", issues, labels, Order.AS_IS);
    }

    private void labelAssets(TestTenants.Tenant tenant, Map<String, String> labels) {
        jdbc.sql("""
                        SELECT id, name || '|' || coalesce(external_id, '') || '|' || coalesce(hostname, '') AS label
                        FROM assets WHERE client_account_id = :account AND engagement_id = :engagement""")
                .param("account", tenant.accountId()).param("engagement", tenant.engagementId())
                .query((rs, n) -> Map.entry(rs.getString("id"), "<" + rs.getString("label") + ">")).list()
                .forEach(e -> labels.put(e.getKey(), e.getValue()));
    }

    /** How a section's lines are ordered: as queried, sorted, or grouped per asset keeping each asset's order. */
    private enum Order { AS_IS, SORTED, BY_ASSET }

    private static void section(StringBuilder dump, String name, List<String> lines, Map<String, String> labels, Order order) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = UUID_TEXT.matcher(line);
            StringBuilder replaced = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(replaced, Matcher.quoteReplacement(labels.getOrDefault(m.group(), "<uuid>")));
            }
            m.appendTail(replaced);
            out.add(replaced.toString());
        }
        switch (order) {
            case SORTED -> out.sort(null);
            case BY_ASSET -> out.sort(Comparator.comparing(l -> l.substring(0, l.indexOf('>') + 1))); // stable
            case AS_IS -> { }
        }
        dump.append("-- ").append(name).append(" (").append(out.size()).append(")\n");
        out.forEach(l -> dump.append(l).append('\n'));
    }
}
