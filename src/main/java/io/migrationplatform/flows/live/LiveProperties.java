package io.migrationplatform.flows.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Live flow updates ({@code migrate.live.*}).
 *
 * @param heartbeatInterval  how often every WebSocket gets a ping frame and every SSE stream a comment; the
 *                           caller's token and access are re-checked at the same time
 * @param sendTimeLimit      longest a single send to one subscriber may take; a slower one is disconnected
 * @param sendBufferLimit    most bytes waiting for one subscriber; a subscriber that falls further behind is
 *                           disconnected (WebSocket close 1013) instead of slowing anyone else
 * @param maxMessageSize     largest message a WebSocket client may send (close 1009 beyond)
 * @param sseTimeout         lifetime of one SSE stream; clients reconnect (EventSource does so by itself)
 * @param publishQueue       updates waiting to be fanned out on this instance before new ones are dropped
 * @param maxDispatchThreads most threads sending to subscribers at once (a stuck send holds one of them)
 * @param redisChannel       Redis pub/sub channel shared by the instances
 * @param maxConnectionsPerUser most live connections (WebSocket and SSE together) one user may hold on one
 *                           instance; beyond, a handshake or a stream answers 429 with Retry-After
 */
@ConfigurationProperties("migrate.live")
public record LiveProperties(
        @DefaultValue("25s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferLimit,
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("30m") Duration sseTimeout,
        @DefaultValue("10000") int publishQueue,
        @DefaultValue("256") int maxDispatchThreads,
        @DefaultValue("mp:flow-updates") String redisChannel,
        @DefaultValue("20") int maxConnectionsPerUser) {

    public LiveProperties {
        requirePositive("heartbeat-interval", heartbeatInterval);
        requirePositive("send-time-limit", sendTimeLimit);
        requirePositive("sse-timeout", sseTimeout);
        if (sendBufferLimit.toBytes() < 1024 || maxMessageSize.toBytes() < 256) {
            throw new IllegalArgumentException("migrate.live.send-buffer-limit must be at least 1KB and max-message-size 256B");
        }
        if (maxConnectionsPerUser < 1) {
            throw new IllegalArgumentException("migrate.live.max-connections-per-user must be at least 1");
        }
        if (publishQueue < 1 || maxDispatchThreads < 2) {
            throw new IllegalArgumentException("migrate.live.publish-queue must be at least 1 and max-dispatch-threads 2");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("migrate.live." + name + " must be a positive duration");
        }
    }
}
