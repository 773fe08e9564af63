package io.migrationplatform.flows.live;

import io.migrationplatform.flows.FlowUpdate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A subscriber whose "connection" is a list; it can be told to stall like a client that stopped reading. */
final class TestSubscriber extends Subscriber {

    final List<String> received = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger heartbeats = new java.util.concurrent.atomic.AtomicInteger();
    final CountDownLatch unstall = new CountDownLatch(1);
    volatile boolean stalled;
    volatile Ending closedWith;

    TestSubscriber(UUID account, UUID engagement, LiveFlowUpdates hub, boolean held) {
        this(UUID.randomUUID(), account, engagement, hub, held);
    }

    TestSubscriber(UUID user, UUID account, UUID engagement, LiveFlowUpdates hub, boolean held) {
        super(new Grant(user, account, engagement, "token"), hub, held);
    }

    @Override
    Transport transport() {
        return Transport.WEBSOCKET;
    }

    @Override
    boolean wants(FlowUpdate update) {
        return grant().covers(update.clientAccountId(), update.engagementId());
    }

    @Override
    protected void transmit(Outbound message) throws java.io.IOException {
        if (stalled) {
            try {
                unstall.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (message.heartbeat()) {
            heartbeats.incrementAndGet();
        } else {
            received.add(message.text());
        }
    }

    @Override
    protected void closeTransport(Ending why) {
        closedWith = why;
        unstall.countDown();
    }
}
