package io.migrationplatform.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a background resource (import, task, assessment) until it reaches a state, or fails the test. */
public final class Polling {

    private Polling() {
    }

    public static <T> T until(Supplier<T> read, Predicate<T> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError(what + " did not finish in " + timeout + "; last seen: " + last);
    }

    /** Thread.sleep for tests: an interruption ends the test rather than being swallowed. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
