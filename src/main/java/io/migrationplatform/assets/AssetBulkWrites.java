package io.migrationplatform.assets;

import io.migrationplatform.assets.store.AssetRepository;
import io.migrationplatform.assets.store.AuditRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.cache.ScopedCache;
import io.migrationplatform.platform.error.NotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's bulk writes, for imports: thousands of assets created with COPY or changed in one statement, with
 * the same defaults, audit entries and cache invalidation as {@link AssetService}'s one-at-a-time writes, and the
 * locks that let bulk writers take turns.
 */
@Service
public class AssetBulkWrites {

    private final AssetRepository assets;
    private final AuditRepository audit;
    private final ScopedCache cache;

    AssetBulkWrites(AssetRepository assets, AuditRepository audit, ScopedCache cache) {
        this.assets = assets;
        this.audit = audit;
        this.cache = cache;
    }

    /**
     * Creates many validated assets with COPY (imports): the same defaults, audit entries and cache
     * invalidation as {@link AssetService#insert}, at a fraction of the cost. Returns the new ids in input order.
     */
    @Transactional
    public List<UUID> insertAll(TenantScope scope, List<AssetValues> items, AuditContext context, String action) {
        List<Map.Entry<UUID, Map<AssetField, Object>>> rows = new ArrayList<>(items.size());
        List<Object[]> auditEntries = new ArrayList<>(items.size());
        List<UUID> ids = new ArrayList<>(items.size());
        for (AssetValues values : items) {
            Map<AssetField, Object> row = new EnumMap<>(values.values());
            row.putIfAbsent(AssetField.STATUS, "active");
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(Map.entry(id, row));
            Map<String, Object> changes = new LinkedHashMap<>();
            row.forEach((field, value) -> {
                if (!AssetValues.isEmpty(value)) {
                    changes.put(field.jsonName(), AssetService.change(null, value));
                }
            });
            auditEntries.add(new Object[] {id, action, changes});
        }
        assets.copyInsert(scope, rows, context.actorId());
        audit.recordBatch(scope, auditEntries, context);
        if (!ids.isEmpty()) {
            cache.invalidate(AssetService.cacheScope(scope));
        }
        return ids;
    }

    /**
     * Refreshes the table statistics the planner relies on when bulk writes made them stale (see
     * {@link AssetRepository#analyzeIfStale}); call it outside a transaction, before reading assets by id in bulk.
     */
    public void refreshStatistics() {
        assets.analyzeIfStale();
    }

    /**
     * Makes bulk writers of the scope's inventory (imports) take turns, for the rest of the transaction: each
     * matches its rows against the inventory as the previous one left it, so two imports of the same export at
     * the same moment (on one instance or two) create each server once.
     */
    @Transactional
    public void lockBulkWrites(TenantScope scope) {
        assets.lockBulkWrites(scope);
    }

    /** These assets of the scope, locked for the rest of the transaction (in id order, so bulk writers cannot deadlock). */
    @Transactional
    public Map<UUID, Asset> lockAll(TenantScope scope, Collection<UUID> ids) {
        Map<UUID, Asset> locked = new HashMap<>();
        if (!ids.isEmpty()) {
            assets.findAllForUpdate(scope, ids).forEach(a -> locked.put(a.id(), a));
        }
        return locked;
    }

    /**
     * Applies many changes at once (an import's updates), each exactly as {@link AssetService#apply} would, in order:
     * diffed against the asset as the earlier changes left it, audited with {@code action} when it changes
     * something. {@code locked} holds the assets as {@link #lockAll} returned them in this transaction; every
     * change must name one of them. Returns how many changes changed something.
     */
    @Transactional
    public int applyAll(TenantScope scope, Map<UUID, Asset> locked, List<Map.Entry<UUID, AssetValues>> changes, AuditContext context,
                        String action) {
        Map<UUID, Map<AssetField, Object>> current = new HashMap<>();
        Map<UUID, Map<AssetField, Object>> written = new LinkedHashMap<>();
        Map<UUID, Integer> edits = new HashMap<>();
        List<Object[]> entries = new ArrayList<>();
        for (Map.Entry<UUID, AssetValues> change : changes) {
            UUID id = change.getKey();
            Asset asset = locked.get(id);
            if (asset == null) {
                throw new NotFoundException("Asset");
            }
            Map<AssetField, Object> state = current.computeIfAbsent(id, k -> valuesOf(asset));
            Map<String, Object> audited = new LinkedHashMap<>();
            change.getValue().values().forEach((field, value) -> {
                Object old = state.get(field);
                if (!AssetValues.same(old, value)) {
                    audited.put(field.jsonName(), AssetService.change(old, value));
                    state.put(field, value);
                    written.computeIfAbsent(id, k -> new EnumMap<>(AssetField.class)).put(field, value);
                }
            });
            if (!audited.isEmpty()) {
                edits.merge(id, 1, Integer::sum);
                entries.add(new Object[] {id, action, audited});
            }
        }
        if (written.isEmpty()) {
            return 0;
        }
        assets.updateAll(scope, written, edits, context.actorId());
        audit.recordBatch(scope, entries, context);
        cache.invalidate(AssetService.cacheScope(scope));
        return entries.size();
    }

    private static Map<AssetField, Object> valuesOf(Asset asset) {
        Map<AssetField, Object> values = new EnumMap<>(AssetField.class);
        for (AssetField field : AssetField.values()) {
            Object value = asset.get(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }
}
