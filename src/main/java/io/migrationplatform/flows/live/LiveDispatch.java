package io.migrationplatform.flows.live;

import java.io.IOException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write to subscribers. Writes block (a WebSocket or servlet send waits for the
 * client's TCP window), so every write is a {@link ForkJoinPool.ManagedBlocker}: while a thread waits
 * on a stuck client the pool starts a spare one, and the other subscribers keep being served. A
 * subscriber has at most one write in flight and every write ends within the send-time limit, so a
 * stuck client costs one thread for a bounded time, never the delivery to anyone else.
 */
final class LiveDispatch {

    private static final Logger log = LoggerFactory.getLogger(LiveDispatch.class);

    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    private final ForkJoinPool pool;

    LiveDispatch(int parallelism, int maxThreads) {
        AtomicInteger counter = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory threads = p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("live-dispatch-" + counter.incrementAndGet());
            return thread;
        };
        this.pool = new ForkJoinPool(parallelism, threads,
                (thread, e) -> log.error("Live update dispatch failed on {}", thread.getName(), e),
                true, 0, Math.max(parallelism, maxThreads), 1,
                p -> true, // at the thread limit, keep running with fewer spare threads instead of failing
                60, TimeUnit.SECONDS);
    }

    void execute(Runnable task) {
        pool.execute(task);
    }

    /** Runs a write that may block, letting the pool compensate for the blocked thread. */
    static void blocking(Write write) throws IOException {
        Blocker blocker = new Blocker(write);
        try {
            ForkJoinPool.managedBlock(blocker);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (blocker.failure != null) {
            throw blocker.failure;
        }
    }

    void shutdown(long timeoutMillis) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    int threads() {
        return pool.getPoolSize();
    }

    private static final class Blocker implements ForkJoinPool.ManagedBlocker {
        private final Write write;
        private volatile boolean done;
        private IOException failure;

        Blocker(Write write) {
            this.write = write;
        }

        @Override
        public boolean block() {
            if (!done) {
                try {
                    write.run();
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException e) {
                    failure = new IOException(e.getMessage(), e);
                } finally {
                    done = true;
                }
            }
            return true;
        }

        @Override
        public boolean isReleasable() {
            return done;
        }
    }
}
