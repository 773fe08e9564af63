package io.migrationplatform.identity.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.migrationplatform.identity.AuthenticatedUser;
import io.migrationplatform.identity.IdentityChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The principal of each (user, login session) of recent requests, so an authenticated request does not
 * query users, sessions, roles and accounts every time (that query was half the database work of a
 * {@code GET /assets/{id}}). Deactivation, role changes, logout and account changes still act at once:
 * an entry is only used while the {@link IdentityChanges} generation it was read under is current, and
 * that generation moves on every change, made here or announced by PostgreSQL from anywhere else. An
 * entry also ends with its session's expiry and after {@code migrate.auth.principal-cache-ttl} at most.
 */
@Component
class PrincipalCache {

    private record Key(UUID userId, UUID sessionId) {
    }

    private record Entry(AuthenticatedUser user, Instant sessionExpiresAt, long generation) {
    }

    private final AuthRepository repository;
    private final IdentityChanges changes;
    private final Cache<Key, Entry> entries;

    PrincipalCache(AuthRepository repository, IdentityChanges changes,
                   @Value("${migrate.auth.principal-cache-ttl:30s}") Duration ttl) {
        this.repository = repository;
        this.changes = changes;
        this.entries = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    Optional<AuthenticatedUser> find(UUID userId, UUID sessionId) {
        if (!changes.cachingAllowed()) {
            return repository.findActivePrincipal(userId, sessionId);
        }
        Key key = new Key(userId, sessionId);
        long generation = changes.generation(); // read before the query: a change committed after it makes the entry stale
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == generation && Instant.now().isBefore(entry.sessionExpiresAt())) {
            return Optional.of(entry.user());
        }
        Optional<AuthRepository.LivePrincipal> live = repository.findLivePrincipal(userId, sessionId);
        live.ifPresentOrElse(p -> entries.put(key, new Entry(p.user(), p.sessionExpiresAt(), generation)),
                () -> entries.invalidate(key));
        return live.map(AuthRepository.LivePrincipal::user);
    }
}
