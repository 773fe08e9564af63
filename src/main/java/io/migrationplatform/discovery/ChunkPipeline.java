package io.migrationplatform.discovery;

import io.migrationplatform.discovery.parse.SourceRow;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Reads staged rows and prepares them (converts, validates) on other threads, a few chunks ahead of the
 * phase that consumes them, handing the results over in file order. The phase's own thread then only
 * does what must be sequential — matching rows and writing — while the next chunks are being prepared:
 * the preparation runs on the cores that would otherwise wait for PostgreSQL (or for each other). At
 * most {@code workers + 1} prepared chunks wait, so memory stays bounded.
 *
 * @param <T> what a chunk is prepared into
 */
final class ChunkPipeline<T> implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService workers;
    private final Thread reader;
    private final BlockingQueue<Future<T>> ready;
    private final Future<T> end = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    /**
     * @param chunks  reads the rows a chunk at a time and hands each chunk to its consumer (called on the reader thread)
     * @param prepare what a chunk becomes, given the position of its first row among all rows and the rows
     * @param workers how many chunks are prepared at the same time
     */
    ChunkPipeline(String name, Consumer<Consumer<List<SourceRow>>> chunks, BiFunction<Integer, List<SourceRow>, T> prepare, int workers) {
        this.workers = Executors.newFixedThreadPool(workers, daemon(name + "-worker"));
        this.ready = new ArrayBlockingQueue<>(workers + 1);
        this.reader = daemon(name + "-reader").newThread(() -> read(chunks, prepare));
        this.reader.start();
    }

    private void read(Consumer<Consumer<List<SourceRow>>> chunks, BiFunction<Integer, List<SourceRow>, T> prepare) {
        int[] offset = {0};
        try {
            chunks.accept(rows -> {
                int first = offset[0];
                offset[0] += rows.size();
                hand(workers.submit(() -> prepare.apply(first, rows)));
            });
            hand(end);
        } catch (Stopped stopped) {
            // closed by the consumer: nobody waits for more
        } catch (RuntimeException | Error e) {
            CompletableFuture<T> failed = new CompletableFuture<>();
            failed.completeExceptionally(e);
            try {
                hand(failed);
            } catch (Stopped ignored) {
                // closed meanwhile
            }
        }
    }

    private void hand(Future<T> future) {
        try {
            while (!closed) {
                if (ready.offer(future, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        future.cancel(true);
        throw new Stopped();
    }

    /** The next chunk's result, in file order; null after the last. Rethrows what reading or preparing threw. */
    T next() {
        try {
            Future<T> future = ready.take();
            if (future == end) {
                return null;
            }
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops reading and preparing (also when the consumer stopped early: a pause, a cancel, a failure). */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        ready.forEach(f -> f.cancel(true));
        ready.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The consumer closed the pipeline while the reader was handing over a chunk. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
