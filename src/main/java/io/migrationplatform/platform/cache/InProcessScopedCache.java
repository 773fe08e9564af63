package io.migrationplatform.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The default: Caffeine in this JVM, with a TTL and a size bound. */
class InProcessScopedCache extends ScopedCache {

    private final Cache<String, Object> values;
    private final ConcurrentMap<String, AtomicLong> generations = new ConcurrentHashMap<>();

    InProcessScopedCache(Duration ttl, long maxEntries) {
        this.values = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
    }

    @Override
    public <T> T get(String scope, String view, Class<T> type, Supplier<T> loader) {
        long generation = generations.computeIfAbsent(scope, s -> new AtomicLong()).get();
        String key = scope + "|" + generation + "|" + view;
        return type.cast(values.get(key, k -> loader.get()));
    }

    @Override
    protected void bumpGeneration(String scope) {
        generations.computeIfAbsent(scope, s -> new AtomicLong()).incrementAndGet();
    }
}
