package io.migrationplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdentityChangesTest {

    @Test
    void cachingNeedsAListenerThatHearsItsOwnProbes() throws InterruptedException {
        IdentityChanges changes = new IdentityChanges(Duration.ofMillis(200));
        assertThat(changes.cachingAllowed()).isFalse();
        changes.announcementsReachUs(true);
        assertThat(changes.cachingAllowed()).as("connected, but no probe heard yet").isFalse();
        changes.heard();
        assertThat(changes.cachingAllowed()).isTrue();
        Thread.sleep(300);
        assertThat(changes.cachingAllowed()).as("the probes stopped coming back").isFalse();
    }

    @Test
    void whatWasCachedBeforeTheLeaseRanOutIsNotUsedAfterIt() throws InterruptedException {
        IdentityChanges changes = new IdentityChanges(Duration.ofMillis(200));
        changes.announcementsReachUs(true);
        changes.heard();
        long cachedUnder = changes.generation();
        changes.heard(); // renewed in time: entries stay good
        assertThat(changes.generation()).isEqualTo(cachedUnder);
        Thread.sleep(300);
        changes.heard(); // renewed after a lapse: changes may have been missed meanwhile
        assertThat(changes.generation()).isNotEqualTo(cachedUnder);
    }

    @Test
    void aDisconnectAndEveryChangeMoveTheGeneration() {
        IdentityChanges changes = new IdentityChanges(Duration.ofSeconds(5));
        long before = changes.generation();
        changes.changed();
        assertThat(changes.generation()).isGreaterThan(before);
        before = changes.generation();
        changes.announced();
        assertThat(changes.generation()).isGreaterThan(before);
        changes.announcementsReachUs(true);
        changes.heard();
        before = changes.generation();
        changes.announcementsReachUs(false);
        assertThat(changes.generation()).isGreaterThan(before);
        assertThat(changes.cachingAllowed()).isFalse();
    }
}
