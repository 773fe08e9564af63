package io.migrationplatform.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The generation of identity data (users, login sessions, roles, client accounts) as this instance knows it.
 * Principals cached under an older generation are never used. It moves on when this instance changes
 * identity data (after the change commits, so the next request reads it) and when PostgreSQL announces a
 * change made anywhere else. Caching is allowed only while the announcement channel is proven to work: the
 * listener's own probe came back less than {@link #LEASE} ago.
 */
@Component
public class IdentityChanges {

    /** How long one returned probe keeps caching allowed: also the longest a change made elsewhere can go unheard. */
    public static final Duration LEASE = Duration.ofSeconds(3);

    private final AtomicLong generation = new AtomicLong();
    private final long leaseNanos;
    private volatile boolean announced;
    private volatile long leaseEnds = System.nanoTime();

    public IdentityChanges() {
        this(LEASE);
    }

    IdentityChanges(Duration lease) {
        this.leaseNanos = lease.toNanos();
    }

    /**
     * Call after writing identity data. Inside a transaction the generation moves once it has ended (committed
     * or not); without one, at once — the write is already visible.
     */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    /** A change announced by PostgreSQL (any instance, any client). */
    public void announced() {
        generation.incrementAndGet();
    }

    /** The listener's own probe came back: the channel works. */
    public void heard() {
        long now = System.nanoTime();
        if (now - leaseEnds >= 0) {
            generation.incrementAndGet(); // the lease had run out: a change may have gone unheard meanwhile
        }
        leaseEnds = now + leaseNanos;
    }

    /** Whether the listener is connected; when it is not, nothing cached before is used again. */
    public void announcementsReachUs(boolean reach) {
        generation.incrementAndGet(); // whatever was cached before (or while) the channel was down is dropped
        announced = reach;
    }

    public boolean cachingAllowed() {
        return announced && System.nanoTime() - leaseEnds < 0;
    }

    public long generation() {
        return generation.get();
    }
}
