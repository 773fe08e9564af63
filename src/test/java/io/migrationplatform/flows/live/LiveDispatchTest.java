package io.migrationplatform.flows.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Writes blocked on stuck clients do not starve the others: the pool compensates for every blocked thread. */
class LiveDispatchTest {

    @Test
    void blockedWritesDoNotStarveTheOtherWrites() throws Exception {
        LiveDispatch dispatch = new LiveDispatch(2, 64);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(8);
        try {
            for (int i = 0; i < 8; i++) { // four times the parallelism, all stuck
                dispatch.execute(() -> {
                    try {
                        LiveDispatch.blocking(() -> {
                            blocked.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            assertThat(blocked.await(10, TimeUnit.SECONDS)).as("every stuck write got a thread").isTrue();
            CountDownLatch healthy = new CountDownLatch(1);
            dispatch.execute(healthy::countDown);
            assertThat(healthy.await(10, TimeUnit.SECONDS)).as("a healthy write still runs").isTrue();
        } finally {
            release.countDown();
            dispatch.shutdown(5_000);
        }
    }

    @Test
    void aFailedWriteIsReportedToItsCaller() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveDispatch.blocking(() -> {
            throw new java.io.IOException("broken pipe");
        })).isInstanceOf(java.io.IOException.class).hasMessage("broken pipe");
    }
}
