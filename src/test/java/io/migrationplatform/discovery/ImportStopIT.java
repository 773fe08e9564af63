package io.migrationplatform.discovery;

import static io.migrationplatform.discovery.ImportFixtures.resource;
import static io.migrationplatform.discovery.ImportFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migrationplatform.flows.FlowContext;
import io.migrationplatform.flows.FlowStatus;
import io.migrationplatform.flows.FlowStoppedException;
import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.support.ApiIntegrationTest;
import io.migrationplatform.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A pause or cancel reaches an import between two chunks of a phase (the tests' chunks are 7 rows),
 * not only between phases; the phase that was writing assets or edges leaves nothing behind, and the
 * next execution imports everything once.
 */
class ImportStopIT extends ApiIntegrationTest {

    @Autowired
    ImportExecutor executor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void stoppedInTheMiddleOfAssetInventoryNothingIsHalfImported() {
        Setup s = setup("stop-inventory");
        StoppingFlow stopping = new StoppingFlow(s.scope, s.importId, "asset_inventory", 3);
        assertThatThrownBy(() -> executor.run(stopping)).isInstanceOf(FlowStoppedException.class);
        assertThat(stopping.checkpointsIn("asset_inventory")).as("stopped between chunks").isEqualTo(3);
        assertThat(count("assets", s.scope)).isZero();
        assertThat(count("asset_audit_log", s.scope)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM discovery_import_outcomes WHERE import_id = :id").param("id", s.importId)
                .query(Long.class).single()).isZero();

        Map<String, Object> result = executor.run(new StoppingFlow(s.scope, s.importId, null, 0));
        assertThat(result).containsEntry("assets_created", 61).containsEntry("dependencies_added", 68);
        assertThat(count("assets", s.scope)).isEqualTo(61);
        assertThat(count("asset_audit_log", s.scope)).as("one entry per asset and per edge").isEqualTo(61 + 68);
    }

    @Test
    void stoppedInDependencyMappingTheAssetsStayAndTheEdgesComeWithTheNextRun() {
        Setup s = setup("stop-dependencies");
        StoppingFlow stopping = new StoppingFlow(s.scope, s.importId, "dependency_mapping", 1);
        assertThatThrownBy(() -> executor.run(stopping)).isInstanceOf(FlowStoppedException.class);
        assertThat(count("assets", s.scope)).isEqualTo(61);
        assertThat(count("asset_dependencies", s.scope)).isZero();

        Map<String, Object> result = executor.run(new StoppingFlow(s.scope, s.importId, null, 0));
        assertThat(result).containsEntry("assets_created", 0).containsEntry("assets_unchanged", 61)
                .containsEntry("dependencies_added", 68);
        assertThat(count("asset_dependencies", s.scope)).isEqualTo(68);
        assertThat(count("asset_audit_log", s.scope)).isEqualTo(61 + 68);
    }

    private record Setup(TenantScope scope, UUID importId) {
    }

    private Setup setup(String name) {
        TestTenants t = tenants();
        TestTenants.Tenant tenant = t.createTenant(name);
        TestTenants.User user = t.createUser(tenant, "contributor");
        String importId = upload(t.as(user), "first-export.csv", resource("behaviour/first-export.csv")).get("id").asString();
        return new Setup(new TenantScope(user.id(), tenant.accountId(), tenant.engagementId(), Role.CONTRIBUTOR),
                UUID.fromString(importId));
    }

    private long count(String table, TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).query(Long.class).single();
    }

    /** A flow as the engine would run it, paused by a client at the {@code stopAt}-th checkpoint inside {@code phase}. */
    private static final class StoppingFlow implements FlowContext {
        private final TenantScope scope;
        private final UUID importId;
        private final String phase;
        private final int stopAt;
        private final List<String> checkpoints = new ArrayList<>();
        private String current;

        StoppingFlow(TenantScope scope, UUID importId, String phase, int stopAt) {
            this.scope = scope;
            this.importId = importId;
            this.phase = phase;
            this.stopAt = stopAt;
        }

        long checkpointsIn(String name) {
            return checkpoints.stream().filter(name::equals).count();
        }

        @Override
        public UUID flowId() {
            return UUID.nameUUIDFromBytes(importId.toString().getBytes());
        }

        @Override
        public TenantScope scope() {
            return scope;
        }

        @Override
        public Map<String, Object> configuration() {
            return Map.of("import_id", importId.toString(), "actor_email", "stop@example.com");
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public void phase(String name) {
            current = name;
        }

        @Override
        public boolean isPhaseCompleted(String name) {
            return false;
        }

        @Override
        public void counts(Map<String, Object> counts) {
        }

        @Override
        public void progress(int percent) {
        }

        @Override
        public void checkpoint() {
            if (current == null) {
                return; // before the first phase
            }
            checkpoints.add(current);
            if (current.equals(phase) && checkpointsIn(phase) == stopAt) {
                throw new FlowStoppedException(FlowStatus.PAUSED);
            }
        }
    }
}
