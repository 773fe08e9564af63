package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.migrationplatform.flows.FlowUpdate;
import io.migrationplatform.identity.AccessTokens;
import io.migrationplatform.identity.TenantScopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The hub without a server: scoping, ordering, slow subscribers, stuck sends, bad updates and a failing Redis. */
class LiveFlowUpdatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final UUID account = UUID.randomUUID();
    private final UUID engagement = UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private LiveFlowUpdates hub;

    private static LiveProperties properties(Duration sendTimeLimit, DataSize buffer) {
        return properties(sendTimeLimit, buffer, 20);
    }

    private static LiveProperties properties(Duration sendTimeLimit, DataSize buffer, int perUser) {
        return new LiveProperties(Duration.ofMinutes(10), sendTimeLimit, buffer, DataSize.ofKilobytes(16),
                Duration.ofMinutes(30), 10_000, 256, "test", perUser);
    }

    private LiveFlowUpdates hub(LiveProperties properties, RedisRelay.Factory relay) {
        return hub(properties, relay, true);
    }

    /** Not started: no timers and no Redis subscription, publishing works all the same. */
    private LiveFlowUpdates hub(LiveProperties properties, RedisRelay.Factory relay, boolean start) {
        hub = new LiveFlowUpdates(properties, new ScopeAccess(mock(AccessTokens.class), mock(TenantScopes.class)),
                new LiveMessages(JSON, Clock.systemUTC()), meters, relay);
        if (start) {
            hub.start();
        }
        return hub;
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.destroy();
        }
    }

    private FlowUpdate update(UUID account, UUID engagement, int progress) {
        Map<String, Object> data = new HashMap<>();
        data.put("status", "running");
        data.put("phase", "field_mapping");
        data.put("progress", progress);
        data.put("flow_type", "discovery");
        return new FlowUpdate(UUID.randomUUID(), account, engagement, data, Instant.now());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private double dropped(LiveMetrics.DropReason reason) {
        return hub.metrics().droppedCount(reason);
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfLiveConnections() {
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512), 2), null);
        UUID user = UUID.randomUUID();
        TestSubscriber first = new TestSubscriber(user, account, engagement, hub, false);
        TestSubscriber second = new TestSubscriber(user, account, UUID.randomUUID(), hub, false);
        assertThat(hub.register(first)).isTrue();
        assertThat(hub.register(second)).as("another engagement, same user").isTrue();
        assertThat(hub.hasRoomFor(user)).isFalse();
        assertThat(hub.register(new TestSubscriber(user, account, engagement, hub, false))).as("a third").isFalse();
        assertThat(hub.register(new TestSubscriber(account, engagement, hub, false))).as("someone else").isTrue();
        assertThat(hub.register(first)).as("the same subscriber twice counts once").isTrue();
        first.detach();
        assertThat(hub.hasRoomFor(user)).as("a connection that ended frees its place").isTrue();
        assertThat(hub.register(new TestSubscriber(user, account, engagement, hub, false))).isTrue();
        assertThat(meters.counter("migrate.live.connections.refused", "reason", "per_user_limit").count()).isEqualTo(1);
    }

    /** A user hammering the endpoint at the limit is probed once, then refused at once, not probed per request. */
    @Test
    void aUserAtTheLimitIsProbedAtMostOnceInAWhile() {
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512), 1), null);
        UUID user = UUID.randomUUID();
        TestSubscriber held = new TestSubscriber(user, account, engagement, hub, false);
        assertThat(hub.register(held)).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(hub.makeRoomFor(user)).as("the connection is alive: no room").isFalse();
        }
        await(() -> held.heartbeats.get() == 2, "the one probe's two heartbeats");
        assertThat(held.heartbeats.get()).as("one probe of two heartbeats for ten attempts").isEqualTo(2);
    }

    @Test
    void anUpdateReachesTheSubscribersOfItsScopeOnlyInOrder() {
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512)), null);
        TestSubscriber mine = new TestSubscriber(account, engagement, hub, false);
        TestSubscriber otherEngagement = new TestSubscriber(account, UUID.randomUUID(), hub, false);
        TestSubscriber otherAccount = new TestSubscriber(UUID.randomUUID(), engagement, hub, false);
        hub.register(mine);
        hub.register(otherEngagement);
        hub.register(otherAccount);
        for (int i = 0; i < 100; i++) {
            hub.publish(update(account, engagement, i));
        }
        await(() -> mine.received.size() == 100, "100 updates");
        for (int i = 0; i < 100; i++) {
            assertThat(JSON.readTree(mine.received.get(i)).get("data").get("progress").asInt()).isEqualTo(i);
        }
        assertThat(otherEngagement.received).isEmpty();
        assertThat(otherAccount.received).isEmpty();
        assertThat(meters.get("migrate.live.subscribers").tag("transport", "websocket").gauge().value()).isEqualTo(3);
        assertThat(meters.get("migrate.live.updates.published").counter().count()).isEqualTo(100);
    }

    @Test
    void aStoppedHubEndsItsSubscriptionsAndStartsAgain() {
        // Spring's test framework stops cached contexts it does not use and starts them again later.
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512)), null);
        TestSubscriber before = new TestSubscriber(account, engagement, hub, false);
        hub.register(before);
        hub.stop();
        await(() -> before.closedWith == Subscriber.Ending.SHUTDOWN, "the subscriber's end at stop");
        assertThat(hub.isRunning()).isFalse();
        hub.start();
        TestSubscriber after = new TestSubscriber(account, engagement, hub, false);
        hub.register(after);
        hub.publish(update(account, engagement, 1));
        await(() -> after.received.size() == 1, "an update after the restart");
        assertThat(before.received).isEmpty();
    }

    @Test
    void aStalledSubscriberIsDisconnectedWhenItsBufferOverflowsAndNobodyElseWaits() {
        LiveFlowUpdates hub = hub(properties(Duration.ofMinutes(1), DataSize.ofKilobytes(8)), null);
        TestSubscriber stalled = new TestSubscriber(account, engagement, hub, false);
        stalled.stalled = true;
        TestSubscriber reading = new TestSubscriber(account, engagement, hub, false);
        hub.register(stalled);
        hub.register(reading);
        for (int i = 0; i < 200; i++) { // ~25 KB in all, one update at a time: only the stalled one falls behind
            hub.publish(update(account, engagement, i));
            int expected = i + 1;
            await(() -> reading.received.size() == expected, "update " + i + " on the reading subscriber");
        }
        await(() -> stalled.closedWith != null, "the stalled subscriber's disconnection");
        assertThat(stalled.closedWith).isEqualTo(Subscriber.Ending.TOO_SLOW);
        assertThat(stalled.isOpen()).isFalse();
        assertThat(dropped(LiveMetrics.DropReason.SLOW_SUBSCRIBER)).isPositive();
        assertThat(hub.subscriberCount()).isEqualTo(1);
    }

    @Test
    void aSendStuckLongerThanTheLimitEndsItsSubscriber() {
        LiveFlowUpdates hub = hub(properties(Duration.ofMillis(300), DataSize.ofKilobytes(512)), null);
        TestSubscriber stuck = new TestSubscriber(account, engagement, hub, false);
        stuck.stalled = true;
        hub.register(stuck);
        hub.publish(update(account, engagement, 1));
        await(() -> stuck.closedWith != null, "the stuck subscriber's disconnection");
        assertThat(stuck.closedWith).isEqualTo(Subscriber.Ending.SEND_TIMEOUT);
        assertThat(dropped(LiveMetrics.DropReason.SEND_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aHeldSubscriberGetsItsFirstMessageBeforeEverythingQueuedMeanwhile() {
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512)), null);
        TestSubscriber held = new TestSubscriber(account, engagement, hub, true);
        hub.register(held);
        hub.publish(update(account, engagement, 7));
        await(() -> hub.metrics() != null && meters.get("migrate.live.updates.published").counter().count() == 1, "publish");
        held.release(Outbound.json("{\"snapshot\": true}"));
        await(() -> held.received.size() == 2, "snapshot and update");
        assertThat(held.received.get(0)).contains("snapshot");
        assertThat(held.received.get(1)).contains("\"progress\":7");
    }

    /** A value the JSON mapper cannot write. */
    public static final class Unserializable {
        public String getValue() {
            throw new IllegalStateException("not JSON");
        }
    }

    @Test
    void invalidUpdatesAreDroppedWithoutEverThrowingToThePublisher() {
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512)), null);
        TestSubscriber subscriber = new TestSubscriber(account, engagement, hub, false);
        hub.register(subscriber);
        assertThatCode(() -> {
            hub.publish(null);
            hub.publish(new FlowUpdate(null, account, engagement, Map.of(), Instant.now()));
            hub.publish(new FlowUpdate(UUID.randomUUID(), account, engagement, Map.of("status", new Unserializable()), Instant.now()));
            hub.publish(new FlowUpdate(UUID.randomUUID(), account, engagement, null, null));
        }).doesNotThrowAnyException();
        await(() -> subscriber.received.size() == 1, "the one valid update");
        assertThat(JSON.readTree(subscriber.received.get(0)).get("data").isEmpty()).isTrue();
        await(() -> dropped(LiveMetrics.DropReason.INVALID_UPDATE) == 3, "three invalid updates counted");
    }

    @Test
    void whenRedisFailsLocalSubscribersStillGetEveryUpdateAndThePublisherNeverNotices() {
        StringRedisTemplate redis = mock(StringRedisTemplate.class);
        when(redis.convertAndSend(anyString(), anyString())).thenThrow(new RedisConnectionFailureException("Redis is down"));
        LiveFlowUpdates hub = hub(properties(Duration.ofSeconds(10), DataSize.ofKilobytes(512)),
                metrics -> new RedisRelay(mock(RedisConnectionFactory.class), redis, JSON, "test", 100, metrics), false);
        TestSubscriber subscriber = new TestSubscriber(account, engagement, hub, false);
        hub.register(subscriber);
        for (int i = 0; i < 20; i++) {
            FlowUpdate update = update(account, engagement, i);
            assertThatCode(() -> hub.publish(update)).doesNotThrowAnyException();
        }
        await(() -> subscriber.received.size() == 20, "20 local updates");
        await(() -> dropped(LiveMetrics.DropReason.REDIS_UNAVAILABLE) == 20, "20 updates not relayed");
    }
}
