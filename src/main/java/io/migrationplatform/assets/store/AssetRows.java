package io.migrationplatform.assets.store;

import io.migrationplatform.assets.Asset;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How asset rows and the JSON columns of the asset tables are read and written. */
final class AssetRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private AssetRows() {
    }

    static Asset map(ResultSet rs, int row) throws SQLException {
        return new Asset(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("asset_type"), rs.getString("environment"),
                rs.getString("status"), json(rs.getString("attributes")), strings(rs.getArray("tags")),
                instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getObject("client_account_id", UUID.class), rs.getObject("engagement_id", UUID.class),
                rs.getString("external_id"), rs.getString("hostname"), rs.getString("fqdn"), strings(rs.getArray("ip_addresses")),
                rs.getString("operating_system"), rs.getString("os_version"), rs.getObject("cpu_cores", Integer.class),
                decimal(rs, "memory_gb"), decimal(rs, "storage_gb"), decimal(rs, "cpu_utilization_pct"),
                decimal(rs, "memory_utilization_pct"), rs.getString("application_name"), strings(rs.getArray("technology_stack")),
                rs.getString("database_type"), rs.getString("database_version"), rs.getString("business_owner"),
                rs.getString("technical_owner"), rs.getString("department"), rs.getString("location"),
                rs.getString("criticality"), rs.getString("six_r_strategy"), rs.getObject("migration_wave", Integer.class),
                rs.getObject("created_by", UUID.class), rs.getObject("updated_by", UUID.class), rs.getLong("version"));
    }

    static Map<String, Object> json(String value) {
        return value == null || value.equals("{}") ? Map.of() : JSON.readValue(value, MAP);
    }

    static String jsonText(Object value) {
        return JSON.writeValueAsString(value);
    }

    static PGobject jsonb(Object value) {
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(JSON.writeValueAsString(value));
            return object;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    /** A numeric column as a double: parsed straight from its text (a BigDecimal first cost a tenth of a list page). */
    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
