package io.migrationplatform.platform.cache;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache of derived views (summaries, analyses), partitioned by tenant scope.
 * Every key includes the scope, so one tenant is never served another's answer. Invalidation
 * bumps the scope's generation once the writing transaction has committed; cached values belong
 * to a generation, so a read after a write can never see a value computed before it.
 */
public abstract class ScopedCache {

    /** The cached value of {@code view} in {@code scope}, computed by {@code loader} on a miss. */
    public abstract <T> T get(String scope, String view, Class<T> type, Supplier<T> loader);

    /** Drops every cached view of the scope once the current transaction (if any) has committed. */
    public void invalidate(String scope) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            String marker = ScopedCache.class.getName() + ":" + scope;
            if (TransactionSynchronizationManager.hasResource(marker)) {
                return; // one bump per scope and transaction is enough (bulk writes)
            }
            TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(marker);
                }

                @Override
                public void afterCommit() {
                    bumpGeneration(scope);
                }
            });
        } else {
            bumpGeneration(scope);
        }
    }

    protected abstract void bumpGeneration(String scope);
}
