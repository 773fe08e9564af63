package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.migrationplatform.flows.FlowSnapshots;
import io.migrationplatform.identity.AccessTokens;
import io.migrationplatform.identity.Role;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.identity.TenantScopes;
import io.migrationplatform.platform.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The SSE endpoint before the flow engine exists (no FlowSnapshots bean): every flow is 404 and nothing stays subscribed. */
class FlowEventsControllerTest {

    private final LiveFlowUpdates hub = new LiveFlowUpdates(
            new LiveProperties(Duration.ofSeconds(25), Duration.ofSeconds(10), DataSize.ofKilobytes(512), DataSize.ofKilobytes(16),
                    Duration.ofMinutes(30), 100, 16, "test", 20),
            new ScopeAccess(mock(AccessTokens.class), mock(TenantScopes.class)),
            new LiveMessages(JsonMapper.builder().build(), Clock.systemUTC()), new SimpleMeterRegistry(), null);
    private final TenantScope scope = new TenantScope(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Role.VIEWER);

    @AfterEach
    void stop() {
        hub.destroy();
    }

    @Test
    void withoutAFlowEngineEveryFlowIsNotFound() {
        StaticListableBeanFactory noBeans = new StaticListableBeanFactory();
        FlowEventsController controller = new FlowEventsController(hub, noBeans.getBeanProvider(FlowSnapshots.class));
        assertThatThrownBy(() -> controller.events(scope, UUID.randomUUID(), new MockHttpServletResponse()))
                .isInstanceOf(NotFoundException.class).hasMessage("Flow not found");
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void anEngineThatDoesNotKnowTheFlowIsNotFoundEither() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("snapshots",
                (FlowSnapshots) (s, id) -> Optional.empty()));
        FlowEventsController controller = new FlowEventsController(hub, beans.getBeanProvider(FlowSnapshots.class));
        assertThatThrownBy(() -> controller.events(scope, UUID.randomUUID(), new MockHttpServletResponse()))
                .isInstanceOf(NotFoundException.class);
        assertThat(hub.subscriberCount()).isZero();
    }
}
