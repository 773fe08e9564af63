package io.migrationplatform.flows.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.migrationplatform.flows.FlowUpdate;
import io.migrationplatform.flows.FlowUpdates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The live-update hub of one instance. {@link #publish} only queues the update (never blocks, never
 * throws); one fan-out thread turns it into JSON once and appends it to the send buffer of every
 * local subscriber of the update's client account and engagement, and hands it to Redis for the
 * other instances when Redis is configured. What arrives from the other instances is fanned out
 * the same way. A timer sends keep-alives, re-checks every subscriber's access, and disconnects
 * subscribers whose send is stuck.
 */
public class LiveFlowUpdates implements FlowUpdates, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveFlowUpdates.class);

    private final LiveProperties properties;
    private final ScopeAccess access;
    private final LiveMessages messages;
    private final LiveMetrics metrics;
    private final RedisRelay relay;
    private final LiveDispatch dispatch;
    private final ThreadPoolExecutor fanout;
    private ScheduledExecutorService timer;
    private final Map<Grant.ScopeKey, Set<Subscriber>> byScope = new ConcurrentHashMap<>();
    private final Map<Subscriber.Transport, AtomicInteger> counts = Map.of(
            Subscriber.Transport.WEBSOCKET, new AtomicInteger(), Subscriber.Transport.SSE, new AtomicInteger());
    private final Map<UUID, Integer> perUser = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
    /** When each user's connections were last probed ({@link #makeRoomFor}): at most once per PROBE_INTERVAL. */
    private final Map<UUID, Long> lastProbe = new ConcurrentHashMap<>();
    /** Threads that may wait for a probe at once, whoever asks: refusing must stay cheap under a flood. */
    private final Semaphore probing = new Semaphore(2);
    private final AtomicLong lastQueueWarning = new AtomicLong();
    private volatile boolean running;

    LiveFlowUpdates(LiveProperties properties, ScopeAccess access, LiveMessages messages, MeterRegistry registry,
                    RedisRelay.Factory relay) {
        this.properties = properties;
        this.access = access;
        this.messages = messages;
        this.metrics = new LiveMetrics(registry, () -> counts.get(Subscriber.Transport.WEBSOCKET).get(),
                () -> counts.get(Subscriber.Transport.SSE).get());
        this.relay = relay == null ? null : relay.create(metrics);
        this.dispatch = new LiveDispatch(Math.max(2, Runtime.getRuntime().availableProcessors()), properties.maxDispatchThreads());
        this.fanout = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.publishQueue()),
                daemonThreads("live-fanout-"));
    }

    static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    // --- publishing ----------------------------------------------------------------------------

    @Override
    public void publish(FlowUpdate update) {
        try {
            FlowUpdate accepted = normalise(update);
            if (accepted == null) {
                metrics.dropped(LiveMetrics.DropReason.INVALID_UPDATE, 1);
                log.warn("Flow update without flow, client account or engagement id ignored: {}", update);
                return;
            }
            metrics.published();
            fanout.execute(() -> fanOut(accepted, true));
        } catch (RejectedExecutionException e) {
            metrics.dropped(LiveMetrics.DropReason.PUBLISH_QUEUE_FULL, 1);
            long now = System.currentTimeMillis();
            long last = lastQueueWarning.get();
            if (now - last > 60_000 && lastQueueWarning.compareAndSet(last, now)) {
                log.warn("Live updates: {} updates waiting to be fanned out; dropping new ones", properties.publishQueue());
            }
        } catch (RuntimeException e) {
            log.error("Publishing a flow update failed", e);
        }
    }

    private FlowUpdate normalise(FlowUpdate update) {
        if (update == null || update.flowId() == null || update.clientAccountId() == null || update.engagementId() == null) {
            return null;
        }
        // A copy: the engine may go on changing its map after publishing it.
        Map<String, Object> data = update.data() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(update.data()));
        return new FlowUpdate(update.flowId(), update.clientAccountId(), update.engagementId(), data,
                update.timestamp() == null ? Clock.systemUTC().instant() : update.timestamp());
    }

    /** From the other instances (Redis): delivered here only. */
    void received(FlowUpdate update) {
        try {
            fanout.execute(() -> fanOut(update, false));
        } catch (RejectedExecutionException e) {
            metrics.dropped(LiveMetrics.DropReason.PUBLISH_QUEUE_FULL, 1);
        }
    }

    private void fanOut(FlowUpdate update, boolean relayToOthers) {
        String text;
        try {
            text = messages.flowUpdate(update);
        } catch (RuntimeException e) {
            metrics.dropped(LiveMetrics.DropReason.INVALID_UPDATE, 1);
            log.warn("Flow update of flow {} not sent: its data is not JSON ({})", update.flowId(), e.getMessage());
            return;
        }
        Outbound message = Outbound.json(text);
        Set<Subscriber> subscribers = byScope.get(new Grant.ScopeKey(update.clientAccountId(), update.engagementId()));
        if (subscribers != null) {
            for (Subscriber subscriber : subscribers) {
                if (subscriber.wants(update)) {
                    subscriber.offer(message);
                }
            }
        }
        if (relayToOthers && relay != null) {
            relay.publish(update);
        }
    }

    // --- subscribers ---------------------------------------------------------------------------

    /**
     * Registers the subscriber unless its user already holds {@code max-connections-per-user} live connections
     * on this instance; false then (the subscriber is not registered and the caller refuses it). At the limit the
     * user's connections are probed first ({@link #makeRoomFor}), so streams closed in silence do not count.
     */
    boolean register(Subscriber subscriber) {
        return register(subscriber, true);
    }

    /** As {@link #register(Subscriber)}; without the probe when the caller has just made room (a WebSocket handshake). */
    boolean register(Subscriber subscriber, boolean probe) {
        UUID user = subscriber.grant().userId();
        Set<Subscriber> registered = byScope.get(subscriber.grant().scope());
        if (registered != null && registered.contains(subscriber)) {
            return true; // already holds its place
        }
        if (probe) {
            makeRoomFor(user);
        }
        boolean[] admitted = {false};
        perUser.compute(user, (key, held) -> {
            int current = held == null ? 0 : held;
            if (current >= properties.maxConnectionsPerUser()) {
                return held;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            metrics.refused();
            return false;
        }
        boolean[] added = {false};
        byScope.compute(subscriber.grant().scope(), (key, set) -> {
            Set<Subscriber> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (subscribers.add(subscriber)) {
                counts.get(subscriber.transport()).incrementAndGet();
                added[0] = true;
            }
            return subscribers;
        });
        if (added[0]) {
            byUser.computeIfAbsent(user, key -> ConcurrentHashMap.newKeySet()).add(subscriber);
        } else {
            release(user); // registered twice: counted once
        }
        if (!subscriber.isOpen()) {
            unregister(subscriber); // ended while being registered
        }
        return true;
    }

    /** Whether the user may open one more live connection right now (checked again, atomically, at registration). */
    boolean hasRoomFor(UUID user) {
        return perUser.getOrDefault(user, 0) < properties.maxConnectionsPerUser();
    }

    /**
     * Whether the user may open one more live connection, after probing theirs when they are at the limit. A client
     * that closes a server-sent event stream says nothing: the container learns of it only when it writes to the
     * socket, and over TCP the first write after the close usually still succeeds (the peer's reset comes back after
     * it). So two heartbeats are sent, a little apart, to every connection of the user; the ones that fail leave,
     * and their places are free. That waits under 0.2 s, and is bounded against a user hammering the endpoint at the
     * limit: each user is probed at most once per {@link #PROBE_INTERVAL_NANOS}, and at most two threads of the
     * instance wait for probes at once; every other caller is answered at once.
     */
    boolean makeRoomFor(UUID user) {
        if (hasRoomFor(user)) {
            return true;
        }
        long now = System.nanoTime();
        boolean[] due = {false};
        lastProbe.compute(user, (key, last) -> {
            if (last == null || now - last >= PROBE_INTERVAL_NANOS) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (!due[0] || !probing.tryAcquire()) {
            return hasRoomFor(user);
        }
        try {
            for (int probe = 1; probe <= 2 && !hasRoomFor(user); probe++) {
                byUser.getOrDefault(user, Set.of()).forEach(subscriber -> subscriber.offer(Outbound.HEARTBEAT));
                Thread.sleep(60L * probe);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            probing.release();
        }
        return hasRoomFor(user);
    }

    private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    void unregister(Subscriber subscriber) {
        boolean[] removed = {false};
        byScope.computeIfPresent(subscriber.grant().scope(), (key, set) -> {
            if (set.remove(subscriber)) {
                counts.get(subscriber.transport()).decrementAndGet();
                removed[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        if (removed[0]) {
            UUID user = subscriber.grant().userId();
            byUser.computeIfPresent(user, (key, set) -> {
                set.remove(subscriber);
                return set.isEmpty() ? null : set;
            });
            release(user);
        }
    }

    private void release(UUID user) {
        if (perUser.computeIfPresent(user, (key, held) -> held <= 1 ? null : held - 1) == null) {
            lastProbe.remove(user);
        }
    }

    int subscriberCount() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private List<Subscriber> allSubscribers() {
        List<Subscriber> all = new ArrayList<>();
        byScope.values().forEach(all::addAll);
        return all;
    }

    /** Keep-alive for everyone, and the periodic re-check of every subscriber's token and access. */
    void heartbeat() {
        Map<Grant, ScopeAccess.Verdict> verdicts = new HashMap<>();
        boolean databaseTrouble = false;
        for (Subscriber subscriber : allSubscribers()) {
            ScopeAccess.Verdict verdict = databaseTrouble ? ScopeAccess.Verdict.UNKNOWN
                    : verdicts.computeIfAbsent(subscriber.grant(), access::recheck);
            if (verdict == ScopeAccess.Verdict.UNKNOWN && !databaseTrouble) {
                databaseTrouble = true;
                log.warn("Live updates: access of subscribers not re-checked (database unavailable); checked again next time");
            }
            if (verdict == ScopeAccess.Verdict.DENIED) {
                subscriber.end(Subscriber.Ending.ACCESS_REVOKED);
            } else {
                subscriber.offer(Outbound.HEARTBEAT);
            }
        }
    }

    private void checkSendTimes() {
        long now = System.nanoTime();
        long limit = properties.sendTimeLimit().toNanos();
        for (Subscriber subscriber : allSubscribers()) {
            subscriber.checkSendTime(now, limit);
        }
    }

    LiveProperties properties() {
        return properties;
    }

    ScopeAccess access() {
        return access;
    }

    LiveMessages messages() {
        return messages;
    }

    LiveMetrics metrics() {
        return metrics;
    }

    LiveDispatch dispatch() {
        return dispatch;
    }

    // --- lifecycle -----------------------------------------------------------------------------

    /** Started after the web server; stopped before its graceful shutdown, and again on every restart (tests pause contexts). */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("live-heartbeat-"));
        long heartbeat = properties.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(guarded(this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long watchdog = Math.max(100, Math.min(1_000, properties.sendTimeLimit().toMillis() / 4));
        timer.scheduleWithFixedDelay(guarded(this::checkSendTimes), watchdog, watchdog, TimeUnit.MILLISECONDS);
        if (relay != null) {
            relay.start(this::received);
        } else {
            log.info("Live updates: in-process (no Redis configured); subscribers see the updates of this instance only");
        }
        running = true;
    }

    /** Ends every subscription (WebSocket close 1001): long-lived streams would otherwise hold up the graceful shutdown. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        timer.shutdownNow();
        if (relay != null) {
            relay.stop();
        }
        for (Subscriber subscriber : allSubscribers()) {
            subscriber.end(Subscriber.Ending.SHUTDOWN);
        }
    }

    @Override
    public void destroy() {
        stop();
        fanout.shutdown();
        dispatch.shutdown(2_000);
        if (relay != null) {
            relay.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Live updates housekeeping failed", e);
            }
        };
    }
}
