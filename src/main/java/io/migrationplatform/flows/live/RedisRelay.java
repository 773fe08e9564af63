package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries flow updates between instances over one Redis pub/sub channel. Every instance publishes
 * what its flow engine publishes (tagged with the instance's id) and delivers what the others
 * published to its own subscribers; its own messages coming back are skipped, because they were
 * delivered locally already. Redis trouble never reaches the publisher: publishing runs on its own
 * thread, and while Redis is down updates stay on their instance (logged, counted as dropped)
 * and the subscription is retried until Redis is back.
 */
final class RedisRelay {

    /** Creates the relay once the hub's meters exist. */
    @FunctionalInterface
    interface Factory {
        RedisRelay create(LiveMetrics metrics);
    }

    private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);
    /** After a failed publish, updates are not relayed for this long (they would pile up behind Redis's timeout). */
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 2_000;

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final String channel;
    private final String instanceId = UUID.randomUUID().toString();
    private final LiveMetrics metrics;
    private final ThreadPoolExecutor publisher;
    private final ExecutorService receiver = Executors.newSingleThreadExecutor(LiveFlowUpdates.daemonThreads("live-redis-receive-"));
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(LiveFlowUpdates.daemonThreads("live-redis-retry-"));
    private volatile RedisMessageListenerContainer container;

    RedisRelay(RedisConnectionFactory connections, StringRedisTemplate redis, JsonMapper json, String channel,
               int queueCapacity, LiveMetrics metrics) {
        this.connections = connections;
        this.redis = redis;
        this.json = json;
        this.channel = channel;
        this.metrics = metrics;
        this.publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                LiveFlowUpdates.daemonThreads("live-redis-publish-"));
    }

    /** Subscribes to the channel; when Redis is down the subscription is retried in the background. */
    synchronized void start(Consumer<FlowUpdate> fromOtherInstances) {
        RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();
        listeners.setConnectionFactory(connections);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        listeners.setRecoveryBackoff(backOff);
        // One thread hands received messages to the fan-out in the order Redis delivered them.
        listeners.setTaskExecutor(receiver);
        listeners.setSubscriptionExecutor(new SimpleAsyncTaskExecutor("live-redis-subscribe-"));
        listeners.addMessageListener((Message message, byte[] pattern) -> receive(message.getBody(), fromOtherInstances),
                new ChannelTopic(channel));
        listeners.afterPropertiesSet();
        this.container = listeners;
        subscribe(listeners, 1_000);
    }

    /**
     * The container retries a subscription that Redis dropped, but not one that never started (Redis
     * down when this instance started): that one is retried here, backing off up to 30 s.
     */
    private void subscribe(RedisMessageListenerContainer listeners, long retryMillis) {
        if (listeners != container) {
            return; // stopped, or restarted with another container
        }
        try {
            listeners.start();
            log.info("Live updates: shared with the other instances through Redis channel {}", channel);
        } catch (RuntimeException e) {
            if (retryMillis == 1_000) {
                log.warn("Live updates: Redis is unavailable ({}); updates stay on this instance until it is back",
                        e.getMessage());
            } else {
                log.debug("Live updates: Redis still unavailable ({})", e.getMessage());
            }
            try {
                listeners.stop();
                retries.schedule(() -> subscribe(listeners, Math.min(retryMillis * 2, 30_000)), retryMillis,
                        TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopping) {
                log.debug("Live updates: Redis subscription not retried: {}", stopping.toString());
            }
        }
    }

    /** Unsubscribes; publishing goes on (a stopped instance has nothing to publish). */
    synchronized void stop() {
        RedisMessageListenerContainer listeners = container;
        container = null;
        if (listeners != null) {
            try {
                listeners.stop();
                listeners.destroy();
            } catch (Exception e) {
                log.debug("Stopping the Redis listener failed: {}", e.toString());
            }
        }
    }

    void close() {
        stop();
        retries.shutdownNow();
        publisher.shutdown();
        receiver.shutdown();
    }

    /** Relays an update to the other instances, off the caller's thread. */
    void publish(FlowUpdate update) {
        if (System.currentTimeMillis() < pausedUntil.get()) {
            metrics.dropped(LiveMetrics.DropReason.REDIS_UNAVAILABLE, 1);
            return;
        }
        try {
            publisher.execute(() -> send(update));
        } catch (RejectedExecutionException e) {
            metrics.dropped(LiveMetrics.DropReason.REDIS_UNAVAILABLE, 1);
            warn("its queue is full");
        }
    }

    private void send(FlowUpdate update) {
        if (System.currentTimeMillis() < pausedUntil.get()) {
            metrics.dropped(LiveMetrics.DropReason.REDIS_UNAVAILABLE, 1);
            return;
        }
        try {
            redis.convertAndSend(channel, encode(update));
        } catch (RuntimeException e) {
            pausedUntil.set(System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MILLIS);
            metrics.dropped(LiveMetrics.DropReason.REDIS_UNAVAILABLE, 1);
            warn(e.getMessage());
        }
    }

    String encode(FlowUpdate update) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("origin", instanceId);
        message.put("flow_id", update.flowId().toString());
        message.put("client_account_id", update.clientAccountId().toString());
        message.put("engagement_id", update.engagementId().toString());
        message.put("data", update.data());
        message.put("timestamp", update.timestamp().toString());
        return json.writeValueAsString(message);
    }

    @SuppressWarnings("unchecked")
    void receive(byte[] body, Consumer<FlowUpdate> deliver) {
        try {
            Map<String, Object> message = json.readValue(new String(body, StandardCharsets.UTF_8), Map.class);
            if (instanceId.equals(message.get("origin"))) {
                return; // ours: already delivered to this instance's subscribers
            }
            Object data = message.get("data");
            FlowUpdate update = new FlowUpdate(UUID.fromString((String) message.get("flow_id")),
                    UUID.fromString((String) message.get("client_account_id")),
                    UUID.fromString((String) message.get("engagement_id")),
                    data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
                    Instant.parse((String) message.get("timestamp")));
            metrics.received();
            deliver.accept(update);
        } catch (RuntimeException e) {
            metrics.dropped(LiveMetrics.DropReason.INVALID_UPDATE, 1);
            log.warn("Ignored a malformed message on Redis channel {}: {}", channel, e.toString());
        }
    }

    private void warn(String reason) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            log.warn("Live updates not relayed to the other instances (Redis: {}); local subscribers still get them", reason);
        }
    }
}
