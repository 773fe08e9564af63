package io.migrationplatform.assets.store;

import io.migrationplatform.assets.Asset;
import io.migrationplatform.assets.AssetField;
import io.migrationplatform.assets.AssetBrief;
import io.migrationplatform.assets.AssetFilter;
import io.migrationplatform.assets.AssetIdentity;
import io.migrationplatform.assets.AssetSort;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import io.migrationplatform.platform.database.TableStatistics;
import io.migrationplatform.platform.web.PageParams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assets in PostgreSQL. Every method takes the tenant scope and every statement filters by
 * {@code client_account_id} and {@code engagement_id}; column names come from {@link AssetField}
 * and the sort whitelist, never from request text.
 */
@Repository
public class AssetRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final RowMapper<Asset> mapper = AssetRows::map;

    public AssetRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
    }

    public RowMapper<Asset> mapper() {
        return mapper;
    }

    public Asset insert(TenantScope scope, UUID id, Map<AssetField, Object> values, UUID actor) {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ");
        Map<String, Object> bind = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            columns.add(field.column());
            params.add(placeholder(field));
            bind.put(field.column(), sqlValue(field, value));
        });
        String sql = "INSERT INTO assets (id, client_account_id, engagement_id, created_by, updated_by, " + columns
                + ") VALUES (:id, :account, :engagement, :actor, :actor, " + params + ") RETURNING *";
        return jdbc.sql(sql).params(bind).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).param("actor", actor)
                .query(mapper).single();
    }

    /** Columns of a new asset as {@link #copyInsert} writes them: the scope and authors, then every writable field. */
    private static final List<String> COPY_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(List.of("id", "client_account_id", "engagement_id", "created_by", "updated_by"));
        for (AssetField field : AssetField.values()) {
            columns.add(field.column());
        }
        COPY_COLUMNS = List.copyOf(columns);
    }

    /**
     * Inserts many assets with COPY in the current transaction (every writable column; the caller fills
     * the defaults): for an import's thousands of rows, a fraction of the cost of INSERT statements.
     */
    public void copyInsert(TenantScope scope, List<Map.Entry<UUID, Map<AssetField, Object>>> rows, UUID actor) {
        if (rows.isEmpty()) {
            return;
        }
        AssetField[] fields = AssetField.values();
        CopyIn.stream(dataSource, "assets", COPY_COLUMNS, sink -> {
            Object[] values = new Object[COPY_COLUMNS.size()];
            for (Map.Entry<UUID, Map<AssetField, Object>> row : rows) {
                values[0] = row.getKey();
                values[1] = scope.clientAccountId();
                values[2] = scope.engagementId();
                values[3] = actor;
                values[4] = actor;
                for (int i = 0; i < fields.length; i++) {
                    values[5 + i] = copyValue(fields[i], row.getValue().get(fields[i]));
                }
                sink.row(values);
            }
        });
    }

    /** A value as COPY reads it: JSON text for objects, array literals for lists, plain text for the rest. */
    private static Object copyValue(AssetField field, Object value) {
        return switch (field.kind()) {
            case OBJECT -> JSON.writeValueAsString(value == null ? Map.of() : value);
            case TEXT_LIST, IP_LIST -> CopyIn.array(value == null ? List.of() : (List<?>) value);
            default -> value;
        };
    }

    /**
     * The identity of every asset of the scope, by name then id (the inventory's order), handed over one at a
     * time: in a transaction the rows are read through a cursor, so a large inventory is never held at once.
     */
    public void forEachIdentity(TenantScope scope, java.util.function.Consumer<AssetIdentity> consumer) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(5000);
        cursor.query("""
                        SELECT id, name, external_id, hostname, fqdn, ip_addresses FROM assets
                        WHERE client_account_id = ? AND engagement_id = ? ORDER BY name ASC NULLS LAST, id ASC""",
                rs -> {
                    consumer.accept(new AssetIdentity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), AssetRows.strings(rs.getArray(6))));
                }, scope.clientAccountId(), scope.engagementId());
    }

    /**
     * Applies changes to many assets with one statement per distinct set of changed columns (the values travel
     * as arrays, one row of them per asset); {@code increments} says how many edits each asset's version counts
     * (one per audited change). One statement for 2,000 assets costs less than half of 2,000 single-row UPDATEs.
     */
    public void updateAll(TenantScope scope, Map<UUID, Map<AssetField, Object>> changes, Map<UUID, Integer> increments, UUID actor) {
        Map<java.util.Set<AssetField>, List<UUID>> byColumns = new LinkedHashMap<>();
        changes.forEach((id, values) -> byColumns.computeIfAbsent(java.util.EnumSet.copyOf(values.keySet()), k -> new ArrayList<>()).add(id));
        byColumns.forEach((columns, ids) -> {
            List<AssetField> fields = List.copyOf(columns);
            StringJoiner sets = new StringJoiner(", ");
            StringJoiner arrays = new StringJoiner(", ");
            StringJoiner names = new StringJoiner(", ");
            Map<String, Object> params = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                AssetField field = fields.get(f);
                String[] column = new String[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    column[i] = textValue(field, changes.get(ids.get(i)).get(field));
                }
                sets.add(field.column() + " = " + cast("u.v" + f, field));
                arrays.add(":v" + f);
                names.add("v" + f);
                params.put("v" + f, column);
            }
            // Column names come from AssetField; values are bound as text arrays and cast to each column's type.
            String sql = "UPDATE assets a SET " + sets + ", version = a.version + u.edits, updated_at = now(), updated_by = :actor "
                    + "FROM unnest(:ids, :edits, " + arrays + ") AS u(id, edits, " + names + ") "
                    + "WHERE a.id = u.id AND a.client_account_id = :account AND a.engagement_id = :engagement";
            jdbc.sql(sql).params(params).param("ids", ids.toArray(UUID[]::new))
                    .param("edits", ids.stream().map(id -> increments.getOrDefault(id, 1)).toArray(Integer[]::new))
                    .param("actor", actor).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                    .update();
        });
    }

    /** A value as its column's text input: JSON for objects, an array literal for lists. */
    private static String textValue(AssetField field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.kind()) {
            case OBJECT -> JSON.writeValueAsString(value);
            case TEXT_LIST, IP_LIST -> CopyIn.array((List<?>) value);
            default -> value.toString();
        };
    }

    private static String cast(String expression, AssetField field) {
        return switch (field.kind()) {
            case TEXT, CHOICE -> expression;
            case INTEGER -> "CAST(" + expression + " AS integer)";
            case DECIMAL -> "CAST(" + expression + " AS numeric)";
            case OBJECT -> "CAST(" + expression + " AS jsonb)";
            case TEXT_LIST, IP_LIST -> "CAST(" + expression + " AS text[])";
        };
    }

    /** ANALYZE assets when a bulk write left its statistics stale (see {@link TableStatistics}). */
    public void analyzeIfStale() {
        TableStatistics.analyzeIfStale(jdbc, "assets");
    }

    /** Advisory-lock namespace of bulk inventory writes (the second key is the engagement's hash). */
    private static final int BULK_WRITES_LOCK = 0x4D505257; // "MPRW"

    /**
     * Waits until no other transaction is bulk-writing the scope's inventory, and holds that right until this
     * transaction ends. A hash collision between two engagements only makes them wait for each other.
     */
    public void lockBulkWrites(TenantScope scope) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, hashtext(:engagement))").param("namespace", BULK_WRITES_LOCK)
                .param("engagement", scope.engagementId().toString()).query(Object.class).single();
    }

    public Optional<Asset> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM assets WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(mapper).optional();
    }

    /** The row locked for the rest of the transaction, so concurrent edits serialise. */
    public Optional<Asset> findForUpdate(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM assets WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement FOR UPDATE")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(mapper).optional();
    }

    public List<Asset> findAll(TenantScope scope, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM assets WHERE id = ANY(:ids) AND client_account_id = :account AND engagement_id = :engagement")
                .param("ids", ids.toArray(UUID[]::new)).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query(mapper).list();
    }

    public Asset update(TenantScope scope, UUID id, Map<AssetField, Object> changes, UUID actor) {
        StringJoiner sets = new StringJoiner(", ");
        Map<String, Object> bind = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            sets.add(field.column() + " = " + placeholder(field));
            bind.put(field.column(), sqlValue(field, value));
        });
        String sql = "UPDATE assets SET " + sets + ", version = version + 1, updated_at = now(), updated_by = :actor "
                + "WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement RETURNING *";
        return jdbc.sql(sql).params(bind).param("id", id).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).param("actor", actor)
                .query(mapper).single();
    }

    /** The rows locked for the rest of the transaction, in id order (so concurrent bulk writers cannot deadlock). */
    public List<Asset> findAllForUpdate(TenantScope scope, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM assets WHERE id = ANY(:ids) AND client_account_id = :account AND engagement_id = :engagement
                        ORDER BY id FOR UPDATE""")
                .param("ids", ids.toArray(UUID[]::new)).param("account", scope.clientAccountId())
                .param("engagement", scope.engagementId()).query(mapper).list();
    }

    /**
     * Sets one field of many assets in one statement (six_r_strategy from an approval, migration_wave
     * from a wave plan); returns how many rows changed. Only text and integer fields.
     */
    public int updateField(TenantScope scope, AssetField field, Map<UUID, Object> values, UUID actor) {
        if (values.isEmpty()) {
            return 0;
        }
        if (field.kind() != AssetField.Kind.CHOICE && field.kind() != AssetField.Kind.INTEGER && field.kind() != AssetField.Kind.TEXT) {
            throw new IllegalArgumentException("Bulk updates take text or integer fields, not " + field);
        }
        UUID[] ids = values.keySet().toArray(UUID[]::new);
        boolean integer = field.kind() == AssetField.Kind.INTEGER;
        Object[] column = integer ? new Integer[ids.length] : new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            column[i] = values.get(ids[i]);
        }
        // The column name comes from the AssetField enum, never from a request.
        return jdbc.sql("UPDATE assets a SET " + field.column() + " = u.value, version = a.version + 1, updated_at = now(), updated_by = :actor "
                        + "FROM unnest(:ids, :values) AS u(id, value) "
                        + "WHERE a.id = u.id AND a.client_account_id = :account AND a.engagement_id = :engagement")
                .param("ids", ids).param("values", column).param("actor", actor)
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).update();
    }

    public boolean delete(TenantScope scope, UUID id) {
        return jdbc.sql("DELETE FROM assets WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .update() == 1;
    }

    public List<Asset> list(TenantScope scope, AssetFilter filter, AssetSort sort, PageParams page) {
        Where where = where(scope, filter);
        String direction = sort.descending() ? "DESC NULLS LAST" : "ASC NULLS LAST";
        String idDirection = sort.descending() ? "DESC" : "ASC";
        String sql = "SELECT * FROM assets WHERE " + where.sql + " ORDER BY " + sort.column() + " " + direction
                + ", id " + idDirection + " LIMIT :limit OFFSET :offset";
        return jdbc.sql(sql).params(where.params).param("limit", page.pageSize()).param("offset", page.offset())
                .query(mapper).list();
    }

    /**
     * One keyset page of the assets the filter matches, by name then id, after {@code after} (null: from the
     * start). Unlike OFFSET, each page costs the same however deep the export is.
     */
    public List<Asset> pageAfter(TenantScope scope, AssetFilter filter, Asset after, int limit) {
        Where where = where(scope, filter);
        Map<String, Object> params = new LinkedHashMap<>(where.params);
        String keyset = "";
        if (after != null) {
            keyset = " AND (name, id) > (:afterName, :afterId)";
            params.put("afterName", after.name());
            params.put("afterId", after.id());
        }
        return jdbc.sql("SELECT * FROM assets WHERE " + where.sql + keyset + " ORDER BY name, id LIMIT :limit")
                .params(params).param("limit", limit).query(mapper).list();
    }

    /** The brief of every asset the filter matches, by name then id: six columns, no JSON (planning reads 100,000). */
    public List<AssetBrief> briefs(TenantScope scope, AssetFilter filter) {
        Where where = where(scope, filter);
        return jdbc.sql("SELECT id, name, asset_type, environment, criticality, six_r_strategy FROM assets WHERE " + where.sql
                        + " ORDER BY name, id")
                .params(where.params)
                .query((rs, n) -> new AssetBrief(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    public long count(TenantScope scope, AssetFilter filter) {
        Where where = where(scope, filter);
        return jdbc.sql("SELECT count(*) FROM assets WHERE " + where.sql).params(where.params).query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(TenantScope scope, AssetFilter filter) {
        List<String> clauses = new ArrayList<>(List.of("client_account_id = :account", "engagement_id = :engagement"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("account", scope.clientAccountId());
        params.put("engagement", scope.engagementId());
        if (filter.assetType() != null) {
            clauses.add("asset_type = :assetType");
            params.put("assetType", filter.assetType());
        }
        if (filter.environment() != null) {
            clauses.add("environment = :environment");
            params.put("environment", filter.environment());
        }
        if (filter.status() != null) {
            clauses.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.criticality() != null) {
            clauses.add("criticality = :criticality");
            params.put("criticality", filter.criticality());
        }
        if (filter.tag() != null) {
            clauses.add("tags @> ARRAY[CAST(:tag AS text)]");
            params.put("tag", filter.tag());
        }
        if (filter.search() != null) {
            clauses.add("asset_search_text(name, hostname, ip_addresses) LIKE :search ESCAPE '\\'");
            String term = filter.search().toLowerCase(java.util.Locale.ROOT);
            params.put("search", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(String.join(" AND ", clauses), params);
    }

    private static String placeholder(AssetField field) {
        return switch (field.kind()) {
            case OBJECT -> "CAST(:" + field.column() + " AS jsonb)";
            case TEXT_LIST, IP_LIST -> "CAST(:" + field.column() + " AS text[])";
            default -> ":" + field.column();
        };
    }

    private static Object sqlValue(AssetField field, Object value) {
        return switch (field.kind()) {
            case OBJECT -> JSON.writeValueAsString(value == null ? Map.of() : value);
            case TEXT_LIST, IP_LIST -> value == null ? new String[0] : ((List<?>) value).toArray(String[]::new);
            default -> value;
        };
    }
}
