package io.migrationplatform.assets;

import io.migrationplatform.assets.store.AssetRepository;
import io.migrationplatform.assets.store.AssetStatsRepository;
import io.migrationplatform.assets.store.AuditRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The asset inventory's rules: validation, optimistic concurrency, the audit trail and cache
 * invalidation. Imports use this service too, so there is one set of rules for every way in.
 */
@Service
public class AssetService {

    public record Page<T>(List<T> items, long total) {
    }

    /** The outcome of a bulk create: what was created, and each rejected item by its index. */
    public record BulkResult(List<Asset> created, List<BulkError> errors) {
    }

    public record BulkError(int index, List<FieldError> fieldErrors) {
    }

    public static final int MAX_BULK = 1000;

    private final AssetRepository assets;
    private final AssetStatsRepository stats;
    private final AuditRepository audit;
    private final ScopedCache cache;

    AssetService(AssetRepository assets, AssetStatsRepository stats, AuditRepository audit, ScopedCache cache) {
        this.assets = assets;
        this.stats = stats;
        this.audit = audit;
        this.cache = cache;
    }

    public static String cacheScope(TenantScope scope) {
        return scope.clientAccountId() + ":" + scope.engagementId();
    }

    /** The assets of this scope among {@code ids}, in no particular order; ids of other scopes are simply absent. */
    @Transactional(readOnly = true)
    public List<Asset> getAll(TenantScope scope, java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : assets.findAll(scope, ids);
    }

    /** One statement, so no transaction: a read-only transaction around it cost a BEGIN and a COMMIT per request. */
    public Asset get(TenantScope scope, UUID id) {
        return assets.find(scope, id).orElseThrow(() -> new NotFoundException("Asset"));
    }

    @Transactional
    public Asset create(TenantScope scope, Map<String, Object> body, AuditContext context) {
        return insert(scope, AssetValidator.validate(body, true), context);
    }

    /** Creates validated values (an import's row): the same defaults, audit and cache rules as the API. */
    @Transactional
    public Asset insert(TenantScope scope, AssetValues values, AuditContext context) {
        Map<AssetField, Object> row = new EnumMap<>(values.values());
        row.putIfAbsent(AssetField.STATUS, "active");
        Asset created = assets.insert(scope, UUID.randomUUID(), row, context.actorId());
        Map<String, Object> changes = new LinkedHashMap<>();
        for (AssetField field : AssetField.values()) {
            Object value = created.get(field);
            if (!isEmpty(value)) {
                changes.put(field.jsonName(), change(null, value));
            }
        }
        audit.record(scope, created.id(), "create", changes, context);
        cache.invalidate(cacheScope(scope));
        return created;
    }

    /**
     * What identifies each asset of the scope (id, name, external id, host names, addresses), by name then id,
     * one at a time: an import matches its rows and resolves references against the whole inventory without
     * reading whole assets.
     */
    @Transactional(readOnly = true)
    public void forEachIdentity(TenantScope scope, java.util.function.Consumer<AssetIdentity> consumer) {
        assets.forEachIdentity(scope, consumer);
    }

    /** Every asset of the scope the list filters match, by name (for assessments over a filter). */
    @Transactional(readOnly = true)
    public List<Asset> all(TenantScope scope, AssetFilter filter) {
        return assets.list(scope, filter, AssetSort.of("name", "asc"), new PageParams(1, Integer.MAX_VALUE));
    }

    /** A brief of every asset of the scope the filters match, by name (for wave planning: no attributes, no JSON). */
    @Transactional(readOnly = true)
    public List<AssetBrief> briefs(TenantScope scope, AssetFilter filter) {
        return assets.briefs(scope, filter);
    }

    /** Rows per page of {@link #forEach}: bounded memory whatever the size of the inventory. */
    public static final int EXPORT_PAGE = 1000;

    /**
     * Every asset the filters match, by name, handed to {@code consumer} one at a time while they are read
     * in keyset pages of {@value #EXPORT_PAGE}. One repeatable-read snapshot: an asset created or renamed
     * during the export is neither missed nor repeated.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public void forEach(TenantScope scope, AssetFilter filter, java.util.function.Consumer<Asset> consumer) {
        Asset last = null;
        while (true) {
            List<Asset> page = assets.pageAfter(scope, filter, last, EXPORT_PAGE);
            page.forEach(consumer);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            last = page.get(page.size() - 1);
        }
    }

    @Transactional
    public BulkResult bulkCreate(TenantScope scope, List<?> items, AuditContext context) {
        if (items.size() > MAX_BULK) {
            throw ValidationException.of("assets", "At most " + MAX_BULK + " assets per bulk request", "too_long");
        }
        List<Asset> created = new ArrayList<>();
        List<BulkError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                errors.add(new BulkError(i, List.of(new FieldError("body", "Expected a JSON object", "type_error"))));
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = (Map<String, Object>) item;
                created.add(insert(scope, AssetValidator.validate(body, true), context));
            } catch (ValidationException e) {
                errors.add(new BulkError(i, e.fieldErrors()));
            }
        }
        return new BulkResult(created, errors);
    }

    /** Partial update: only the fields sent change. A stale {@code expectedVersion} (If-Match) is refused with 412. */
    @Transactional
    public Asset update(TenantScope scope, UUID id, Map<String, Object> body, Long expectedVersion, AuditContext context) {
        return apply(scope, id, AssetValidator.validate(body, false), expectedVersion, context, "update");
    }

    /** Applies validated values (an API update, an import's update, an approved strategy) with an audit entry. */
    @Transactional
    public Asset apply(TenantScope scope, UUID id, AssetValues values, Long expectedVersion, AuditContext context,
                       String action) {
        Asset current = assets.findForUpdate(scope, id).orElseThrow(() -> new NotFoundException("Asset"));
        requireVersion(current, expectedVersion);
        Map<AssetField, Object> changed = new EnumMap<>(AssetField.class);
        Map<String, Object> changes = new LinkedHashMap<>();
        values.values().forEach((field, value) -> {
            Object old = current.get(field);
            if (!AssetValues.same(old, value)) {
                changed.put(field, value);
                changes.put(field.jsonName(), change(old, value));
            }
        });
        if (changed.isEmpty()) {
            return current;
        }
        Asset updated = assets.update(scope, id, changed, context.actorId());
        audit.record(scope, id, action, changes, context);
        cache.invalidate(cacheScope(scope));
        return updated;
    }

    /** How a bulk write went: assets changed, already had that value, or no longer exist. */
    public record StrategyWrite(int changed, int unchanged, List<UUID> missing) {
    }

    /**
     * Writes approved 7R strategies to many assets at once, each change audited with {@code action}
     * (an assessment approval). Assets deleted meanwhile are reported, not recreated.
     */
    @Transactional
    public StrategyWrite setStrategies(TenantScope scope, Map<UUID, String> strategies, AuditContext context, String action) {
        for (String strategy : strategies.values()) {
            if (!AssetVocabulary.STRATEGIES.contains(strategy)) {
                throw new IllegalArgumentException("Unknown strategy " + strategy);
            }
        }
        return setField(scope, AssetField.SIX_R_STRATEGY, new LinkedHashMap<>(strategies), context, action);
    }

    /** Writes planned migration waves to many assets at once, each change audited with {@code action} (a wave plan). */
    @Transactional
    public StrategyWrite setMigrationWaves(TenantScope scope, Map<UUID, Integer> waves, AuditContext context, String action) {
        return setField(scope, AssetField.MIGRATION_WAVE, new LinkedHashMap<>(waves), context, action);
    }

    private StrategyWrite setField(TenantScope scope, AssetField field, Map<UUID, Object> values, AuditContext context, String action) {
        Map<UUID, Object> changes = new LinkedHashMap<>();
        List<Object[]> entries = new ArrayList<>();
        java.util.Set<UUID> present = new java.util.HashSet<>();
        for (Asset current : assets.findAllForUpdate(scope, values.keySet())) {
            present.add(current.id());
            Object value = values.get(current.id());
            Object old = current.get(field);
            if (!AssetValues.same(old, value)) {
                changes.put(current.id(), value);
                entries.add(new Object[] {current.id(), action, Map.of(field.jsonName(), change(old, value))});
            }
        }
        assets.updateField(scope, field, changes, context.actorId());
        audit.recordBatch(scope, entries, context);
        if (!changes.isEmpty()) {
            cache.invalidate(cacheScope(scope));
        }
        List<UUID> missing = values.keySet().stream().filter(id -> !present.contains(id)).toList();
        return new StrategyWrite(changes.size(), present.size() - changes.size(), missing);
    }

    @Transactional
    public void delete(TenantScope scope, UUID id, Long expectedVersion, AuditContext context) {
        Asset current = assets.findForUpdate(scope, id).orElseThrow(() -> new NotFoundException("Asset"));
        requireVersion(current, expectedVersion);
        assets.delete(scope, id);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (AssetField field : AssetField.values()) {
            Object value = current.get(field);
            if (!isEmpty(value)) {
                snapshot.put(field.jsonName(), change(value, null));
            }
        }
        audit.record(scope, id, "delete", snapshot, context);
        cache.invalidate(cacheScope(scope));
    }

    /**
     * No transaction (the page is one statement, the count usually cached): the count and the page are allowed
     * to come from different snapshots, as they do once the count is cached.
     */
    public Page<Asset> list(TenantScope scope, AssetFilter filter, AssetSort sort, PageParams page) {
        // Counting thousands of matching rows costs more than reading the page, and the count is
        // the same for every page and sort of a filter: cache it per scope and filter until a write.
        long total = cache.get(cacheScope(scope), "count:" + filter, Long.class, () -> assets.count(scope, filter));
        return new Page<>(assets.list(scope, filter, sort, page), total);
    }

    /** One statement when not cached, none when cached: no transaction (it took a pooled connection even on a hit). */
    public AssetSummary summary(TenantScope scope) {
        return cache.get(cacheScope(scope), "summary", AssetSummary.class, () -> stats.summary(scope));
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> history(TenantScope scope, UUID assetId, PageParams page) {
        long total = audit.count(scope, assetId);
        // Deleted assets keep their trail; an asset bulk-loaded in SQL has none yet, which is not "not found".
        if (total == 0 && assets.find(scope, assetId).isEmpty()) {
            throw new NotFoundException("Asset");
        }
        return new Page<>(audit.history(scope, assetId, page), total);
    }

    private static void requireVersion(Asset current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED,
                    "The asset was changed by someone else: your version is " + expectedVersion + ", the current one is "
                            + current.version() + ". Reload it and apply your change again.",
                    Map.of("current_version", current.version()));
        }
    }

    /** An audit entry's record of one field: {old, new}. */
    static Map<String, Object> change(Object oldValue, Object newValue) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("old", oldValue);
        change.put("new", newValue);
        return change;
    }

    static boolean isEmpty(Object value) {
        return AssetValues.isEmpty(value);
    }
}
