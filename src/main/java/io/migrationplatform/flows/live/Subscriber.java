package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client (a WebSocket session or an SSE stream) with its own bounded send buffer.
 * Publishing only appends to the buffer; the dispatch threads write it out one message at a time,
 * in order. A subscriber whose buffer overflows, or whose write exceeds the send-time limit, is
 * disconnected, so it can neither hold memory nor slow anyone else down.
 */
abstract class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
    private static final long IDLE = Long.MIN_VALUE;

    enum Transport { WEBSOCKET, SSE }

    /** Why a subscription ends. */
    enum Ending { CLIENT_GONE, ACCESS_REVOKED, TOO_SLOW, SEND_TIMEOUT, SEND_FAILED, SHUTDOWN }

    private final Grant grant;
    private final LiveFlowUpdates hub;
    private final long bufferLimit;
    private final Deque<Outbound> buffer = new ConcurrentLinkedDeque<>();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean held;
    /** When the write in flight started ({@link System#nanoTime()}, which may be negative); IDLE when none is. */
    private volatile long sendStartedNanos = IDLE;

    /** @param held when true nothing is sent until {@link #release(Outbound)} puts the first message in front */
    Subscriber(Grant grant, LiveFlowUpdates hub, boolean held) {
        this.grant = grant;
        this.hub = hub;
        this.bufferLimit = hub.properties().sendBufferLimit().toBytes();
        this.held = held;
    }

    abstract Transport transport();

    /** Whether this subscriber is interested in an update of its scope. */
    abstract boolean wants(FlowUpdate update);

    /** Writes one message; may block until the client takes it (bounded by the send-time limit). */
    protected abstract void transmit(Outbound message) throws IOException;

    /** Ends the connection from our side. */
    protected abstract void closeTransport(Ending why) throws IOException;

    Grant grant() {
        return grant;
    }

    boolean isOpen() {
        return !ended.get();
    }

    /** Queues a message; false when the subscriber has ended (or just ended because it fell too far behind). */
    boolean offer(Outbound message) {
        if (ended.get()) {
            return false;
        }
        long size = message.size();
        if (buffered.addAndGet(size) > bufferLimit) {
            buffered.addAndGet(-size);
            end(Ending.TOO_SLOW, message.heartbeat() ? 0 : 1);
            return false;
        }
        buffer.addLast(message);
        schedule();
        return true;
    }

    /** Puts {@code first} ahead of everything queued while held, and starts sending. */
    void release(Outbound first) {
        buffered.addAndGet(first.size());
        buffer.addFirst(first);
        held = false;
        schedule();
    }

    /** Ends the subscription if its current write has taken longer than the limit. */
    void checkSendTime(long nowNanos, long limitNanos) {
        long started = sendStartedNanos;
        if (started != IDLE && nowNanos - started > limitNanos) {
            end(Ending.SEND_TIMEOUT, 1);
        }
    }

    /** The client went away (or the container ended the stream): forget it. */
    void detach() {
        end(Ending.CLIENT_GONE, 0);
    }

    void end(Ending why) {
        end(why, 0);
    }

    private void end(Ending why, long refused) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        long discarded = refused;
        for (Outbound message; (message = buffer.pollFirst()) != null; ) {
            if (!message.heartbeat()) {
                discarded++;
            }
        }
        buffered.set(0);
        hub.unregister(this);
        if (why == Ending.TOO_SLOW) {
            hub.metrics().dropped(LiveMetrics.DropReason.SLOW_SUBSCRIBER, discarded);
            log.info("Live {} subscriber of user {} disconnected: more than {} bytes waiting for it",
                    transport().name().toLowerCase(), grant.userId(), bufferLimit);
        } else if (why == Ending.SEND_TIMEOUT) {
            hub.metrics().dropped(LiveMetrics.DropReason.SEND_TIMEOUT, discarded);
            log.info("Live {} subscriber of user {} disconnected: a send took longer than {}",
                    transport().name().toLowerCase(), grant.userId(), hub.properties().sendTimeLimit());
        }
        if (why != Ending.CLIENT_GONE) {
            try {
                hub.dispatch().execute(() -> {
                    try {
                        LiveDispatch.blocking(() -> closeTransport(why));
                    } catch (IOException | RuntimeException e) {
                        log.debug("Closing a live subscriber failed: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException e) {
                log.debug("Live dispatch stopped; subscriber not closed explicitly");
            }
        }
    }

    private void schedule() {
        if (!held && !ended.get() && draining.compareAndSet(false, true)) {
            try {
                hub.dispatch().execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            for (Outbound next; !ended.get() && (next = buffer.pollFirst()) != null; ) {
                buffered.addAndGet(-next.size());
                sendStartedNanos = System.nanoTime();
                try {
                    Outbound message = next;
                    LiveDispatch.blocking(() -> transmit(message));
                } catch (IOException e) {
                    boolean tooLong = System.nanoTime() - sendStartedNanos >= hub.properties().sendTimeLimit().toNanos();
                    log.debug("Live send failed, disconnecting: {}", e.toString());
                    end(tooLong ? Ending.SEND_TIMEOUT : Ending.SEND_FAILED, tooLong ? 1 : 0);
                    return;
                } finally {
                    sendStartedNanos = IDLE;
                }
                if (!next.heartbeat()) {
                    hub.metrics().sent();
                }
            }
        } finally {
            draining.set(false);
        }
        if (!buffer.isEmpty()) {
            schedule();
        }
    }
}
