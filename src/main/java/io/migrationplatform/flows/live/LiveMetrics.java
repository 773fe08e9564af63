package io.migrationplatform.flows.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live-update meters: {@code migrate.live.subscribers} (connected, by transport),
 * {@code migrate.live.updates.published} (accepted from the flow engine on this instance),
 * {@code migrate.live.updates.received} (arrived from other instances), {@code migrate.live.messages.sent}
 * {@code migrate.live.messages.dropped} (by reason) and {@code migrate.live.connections.refused} (a user at the
 * per-user connection limit).
 */
final class LiveMetrics {

    enum DropReason {
        /** A subscriber fell further behind than its send buffer allows and was disconnected. */
        SLOW_SUBSCRIBER,
        /** A single send took longer than the send-time limit and its subscriber was disconnected. */
        SEND_TIMEOUT,
        /** The instance's fan-out queue was full. */
        PUBLISH_QUEUE_FULL,
        /** Not relayed to the other instances: Redis failed or its queue was full. */
        REDIS_UNAVAILABLE,
        /** An update without flow, client account or engagement id, or whose data is not JSON. */
        INVALID_UPDATE;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter received;
    private final Counter sent;
    private final Counter refused;
    private final Map<DropReason, Counter> dropped = new ConcurrentHashMap<>();

    LiveMetrics(MeterRegistry registry, Supplier<Integer> webSockets, Supplier<Integer> sseStreams) {
        this.registry = registry;
        Gauge.builder("migrate.live.subscribers", () -> webSockets.get()).tag("transport", "websocket")
                .description("Connected live-update subscribers").register(registry);
        Gauge.builder("migrate.live.subscribers", () -> sseStreams.get()).tag("transport", "sse")
                .description("Connected live-update subscribers").register(registry);
        this.published = Counter.builder("migrate.live.updates.published")
                .description("Flow updates published on this instance").register(registry);
        this.received = Counter.builder("migrate.live.updates.received").tag("source", "redis")
                .description("Flow updates received from other instances").register(registry);
        this.sent = Counter.builder("migrate.live.messages.sent")
                .description("Messages sent to subscribers").register(registry);
        this.refused = Counter.builder("migrate.live.connections.refused").tag("reason", "per_user_limit")
                .description("Live connections refused because their user held the most allowed").register(registry);
    }

    void refused() {
        refused.increment();
    }

    void published() {
        published.increment();
    }

    void received() {
        received.increment();
    }

    void sent() {
        sent.increment();
    }

    void dropped(DropReason reason, long count) {
        if (count > 0) {
            dropped.computeIfAbsent(reason, r -> Counter.builder("migrate.live.messages.dropped").tag("reason", r.tag())
                    .description("Messages or updates dropped").register(registry)).increment(count);
        }
    }

    double droppedCount(DropReason reason) {
        Counter counter = dropped.get(reason);
        return counter == null ? 0 : counter.count();
    }
}
