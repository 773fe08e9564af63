package io.migrationplatform.identity;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The generation of identity data (users, login sessions, roles, client accounts) as this instance knows it.
 * Principals cached under an older generation are never used. It moves on when this instance changes
 * identity data (after the change commits, so the next request reads it) and when PostgreSQL announces a
 * change made anywhere else; while that announcement channel is down, principals are not cached at all.
 */
@Component
public class IdentityChanges {

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean announced;

    /** Call inside the transaction that changes identity data (or without one, after the change). */
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

    /** Whether changes made elsewhere reach this instance; when they may not, caching principals is off. */
    public void announcementsReachUs(boolean reach) {
        generation.incrementAndGet(); // whatever was cached before (or while) the channel was down is dropped
        announced = reach;
    }

    public boolean cachingAllowed() {
        return announced;
    }

    public long generation() {
        return generation.get();
    }
}
