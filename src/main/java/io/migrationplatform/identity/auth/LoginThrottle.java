package io.migrationplatform.identity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.migrationplatform.platform.error.TooManyRequestsException;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed logins per account and client address, and per client address alone, in a fixed
 * window; past the limit, further attempts are refused with 429 until the window ends, whether or
 * not the password would have been right. The account key includes the address, so an attacker
 * can lock out only their own attempts, never the real user (no lock-out denial of service).
 * Counts live in memory, per instance.
 */
class LoginThrottle {

    private record Window(long startNanos, int failures) {
    }

    private final Cache<String, Window> windows;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final long windowNanos;

    LoginThrottle(int maxPerAccount, int maxPerAddress, Duration window) {
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.windowNanos = window.toNanos();
        this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    void checkAllowed(String email, String address) {
        check(accountKey(email, address), maxPerAccount);
        check(addressKey(address), maxPerAddress);
    }

    void recordFailure(String email, String address) {
        increment(accountKey(email, address));
        increment(addressKey(address));
    }

    void recordSuccess(String email, String address) {
        windows.invalidate(accountKey(email, address));
    }

    private void check(String key, int max) {
        Window window = windows.getIfPresent(key);
        long now = System.nanoTime();
        if (window != null && now - window.startNanos() < windowNanos && window.failures() >= max) {
            long retryAfter = Math.max(1, Duration.ofNanos(windowNanos - (now - window.startNanos())).toSeconds() + 1);
            throw new TooManyRequestsException("Too many failed login attempts. Try again later.", retryAfter);
        }
    }

    private void increment(String key) {
        long now = System.nanoTime();
        windows.asMap().compute(key, (k, w) -> w == null || now - w.startNanos() >= windowNanos
                ? new Window(now, 1) : new Window(w.startNanos(), w.failures() + 1));
    }

    private static String accountKey(String email, String address) {
        return "account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
