package io.migrationplatform.discovery.store;

import io.migrationplatform.discovery.ImportIssue;
import io.migrationplatform.discovery.ImportRecord;
import io.migrationplatform.discovery.mapping.ColumnMapping;
import io.migrationplatform.discovery.parse.SourceRow;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.database.CopyIn;
import io.migrationplatform.platform.web.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Imports, their staged rows, outcomes and issues. Reads of an import always take the tenant scope. */
@Repository
public class ImportRepository {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;

    public ImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(2000);
        this.dataSource = dataSource;
    }

    public void insert(TenantScope scope, ImportRecord r) {
        jdbc.sql("""
                        INSERT INTO discovery_imports (id, client_account_id, engagement_id, filename, size_bytes, sha256, format,
                            encoding, delimiter, header_row, source_type, source_type_confidence, columns, row_count, sample_rows,
                            mappings, created_by)
                        VALUES (:id, :account, :engagement, :filename, :size, :sha, :format, :encoding, :delimiter, :headerRow,
                            :sourceType, :confidence, CAST(:columns AS jsonb), :rows, CAST(:samples AS jsonb),
                            CAST(:mappings AS jsonb), :createdBy)""")
                .param("id", r.id()).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("filename", r.filename()).param("size", r.sizeBytes()).param("sha", r.sha256()).param("format", r.format())
                .param("encoding", r.encoding()).param("delimiter", r.delimiter()).param("headerRow", r.headerRow())
                .param("sourceType", r.sourceType()).param("confidence", r.sourceTypeConfidence())
                .param("columns", json(r.columns())).param("rows", r.rowCount()).param("samples", json(r.sampleRows()))
                .param("mappings", json(r.mappings())).param("createdBy", scope.userId())
                .update();
    }

    public void updateSamples(UUID id, List<Map<String, String>> samples) {
        jdbc.sql("UPDATE discovery_imports SET sample_rows = CAST(:s AS jsonb) WHERE id = :id").param("id", id)
                .param("s", json(samples)).update();
    }

    public void setRowCount(UUID id, int rows) {
        jdbc.sql("UPDATE discovery_imports SET row_count = :rows WHERE id = :id").param("id", id).param("rows", rows).update();
    }

    /**
     * Stages every row {@code rows} yields with one COPY, sent while the file is still being read; returns
     * how many. NUL characters, which PostgreSQL text cannot hold, are dropped.
     */
    public long stageRows(UUID importId, Iterator<SourceRow> rows) {
        return CopyIn.stream(dataSource, "discovery_import_rows", List.of("import_id", "row_number", "cells", "extra"), sink -> {
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                sink.row(importId, row.rowNumber(), CopyIn.array(withoutNul(row.values())),
                        CopyIn.array(row.extra() == null ? List.of() : withoutNul(row.extra())));
            }
        });
    }

    private static List<String> withoutNul(List<String> values) {
        List<String> clean = new ArrayList<>(values.size());
        for (String v : values) {
            clean.add(v == null || v.indexOf('\u0000') < 0 ? v : v.replace("\u0000", ""));
        }
        return clean;
    }

    public Optional<ImportRecord> find(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT * FROM discovery_imports WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(ImportRepository::map).optional();
    }

    public List<ImportRecord> list(TenantScope scope, PageParams page) {
        return jdbc.sql("""
                        SELECT * FROM discovery_imports WHERE client_account_id = :account AND engagement_id = :engagement
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .param("limit", page.pageSize()).param("offset", page.offset()).query(ImportRepository::map).list();
    }

    public long count(TenantScope scope) {
        return jdbc.sql("SELECT count(*) FROM discovery_imports WHERE client_account_id = :account AND engagement_id = :engagement")
                .param("account", scope.clientAccountId()).param("engagement", scope.engagementId()).query(Long.class).single();
    }

    public void updateMappings(UUID id, List<ColumnMapping> mappings) {
        jdbc.sql("UPDATE discovery_imports SET mappings = CAST(:m AS jsonb), updated_at = now() WHERE id = :id")
                .param("id", id).param("m", json(mappings)).update();
    }

    /**
     * Locks the import's row until the transaction ends, so starting its execution is one at a time: the next
     * caller waits, then sees the flow the first one started. False if there is no such import in the scope.
     */
    public boolean lock(TenantScope scope, UUID id) {
        return jdbc.sql("SELECT id FROM discovery_imports WHERE id = :id AND client_account_id = :account AND engagement_id = :engagement"
                        + " FOR UPDATE")
                .param("id", id).param("account", scope.clientAccountId()).param("engagement", scope.engagementId())
                .query(UUID.class).optional().isPresent();
    }

    /** Records the flow that executes the import (its status, phases and result live in the flow). */
    public void setFlow(UUID id, UUID flowId) {
        jdbc.sql("UPDATE discovery_imports SET flow_id = :flow, updated_at = now() WHERE id = :id").param("id", id).param("flow", flowId)
                .update();
    }

    public void clearRun(UUID id) {
        jdbc.sql("DELETE FROM discovery_import_issues WHERE import_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM discovery_import_outcomes WHERE import_id = :id").param("id", id).update();
    }

    public long countRows(UUID id) {
        return jdbc.sql("SELECT count(*) FROM discovery_import_rows WHERE import_id = :id").param("id", id).query(Long.class).single();
    }

    /**
     * The staged rows in file order, {@code size} at a time (each chunk one query on the primary key), so an
     * import never holds more than a chunk of its rows, in a transaction or not.
     */
    public void forEachChunk(UUID id, int size, Consumer<List<SourceRow>> consumer) {
        forEachChunk(id, size, "", consumer);
    }

    /** Like {@link #forEachChunk}, only the rows with more cells than the header. */
    public void forEachRaggedChunk(UUID id, int size, Consumer<List<SourceRow>> consumer) {
        forEachChunk(id, size, " AND cardinality(extra) > 0", consumer);
    }

    private void forEachChunk(UUID id, int size, String condition, Consumer<List<SourceRow>> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<SourceRow> chunk = template.query("SELECT row_number, cells, extra FROM discovery_import_rows WHERE import_id = ?"
                    + " AND row_number > ?" + condition + " ORDER BY row_number LIMIT ?", ImportRepository::sourceRow, id, after, size);
            if (chunk.isEmpty()) {
                return;
            }
            consumer.accept(chunk);
            if (chunk.size() < size) {
                return;
            }
            after = chunk.get(chunk.size() - 1).rowNumber();
        }
    }

    /** These staged rows, in file order. */
    public List<SourceRow> rows(UUID id, Collection<Long> rowNumbers) {
        if (rowNumbers.isEmpty()) {
            return List.of();
        }
        return template.query("SELECT row_number, cells, extra FROM discovery_import_rows WHERE import_id = ? AND row_number = ANY(?)"
                + " ORDER BY row_number", ImportRepository::sourceRow, id, rowNumbers.toArray(Long[]::new));
    }

    private static SourceRow sourceRow(ResultSet rs, int n) throws SQLException {
        return new SourceRow(rs.getLong(1), nullable((String[]) rs.getArray(2).getArray()), List.of((String[]) rs.getArray(3).getArray()));
    }

    private static List<String> nullable(String[] values) {
        return java.util.Arrays.asList(values);
    }

    private static final List<String> ISSUE_COLUMNS = List.of("import_id", "row_number", "column_name", "value", "reason", "severity",
            "phase");

    /** Stores issues with COPY, in the order given (the order the API lists a row's issues in). */
    public void addIssues(UUID id, List<ImportIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        CopyIn.stream(dataSource, "discovery_import_issues", ISSUE_COLUMNS, sink -> {
            for (ImportIssue i : issues) {
                sink.row(id, i.rowNumber(), truncate(i.column(), 255), truncate(i.value(), 2000), i.reason(), i.severity(), i.phase());
            }
        });
    }

    /** What rows became: (row number, asset id or null, outcome), with COPY. */
    public void addOutcomes(UUID id, List<Object[]> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        CopyIn.stream(dataSource, "discovery_import_outcomes", List.of("import_id", "row_number", "asset_id", "outcome"), sink -> {
            for (Object[] o : outcomes) {
                sink.row(id, o[0], o[1], o[2]);
            }
        });
    }

    public List<ImportIssue> issues(UUID id, String severity, PageParams page) {
        return jdbc.sql("""
                        SELECT * FROM discovery_import_issues WHERE import_id = :id AND (CAST(:severity AS varchar) IS NULL OR severity = :severity)
                        ORDER BY row_number NULLS FIRST, id LIMIT :limit OFFSET :offset""")
                .param("id", id).param("severity", severity).param("limit", page.pageSize()).param("offset", page.offset())
                .query((rs, n) -> new ImportIssue(rs.getObject("row_number", Long.class), rs.getString("column_name"),
                        rs.getString("value"), rs.getString("reason"), rs.getString("severity"), rs.getString("phase")))
                .list();
    }

    public long countIssues(UUID id, String severity) {
        return jdbc.sql("SELECT count(*) FROM discovery_import_issues WHERE import_id = :id AND (CAST(:severity AS varchar) IS NULL OR severity = :severity)")
                .param("id", id).param("severity", severity).query(Long.class).single();
    }

    /** The rejected rows, with their original cells and every error reason. */
    public void forEachRejectedRow(UUID id, Consumer<Map.Entry<SourceRow, String>> consumer) {
        template.query("""
                        SELECT r.row_number, r.cells, r.extra,
                               (SELECT string_agg(coalesce(i.column_name || ': ', '') || i.reason, '; ' ORDER BY i.id)
                                FROM discovery_import_issues i WHERE i.import_id = r.import_id AND i.row_number = r.row_number
                                  AND i.severity = 'error') AS reasons
                        FROM discovery_import_rows r JOIN discovery_import_outcomes o
                          ON o.import_id = r.import_id AND o.row_number = r.row_number AND o.outcome = 'rejected'
                        WHERE r.import_id = ? ORDER BY r.row_number""", rs -> {
            SourceRow row = new SourceRow(rs.getLong(1), nullable((String[]) rs.getArray(2).getArray()),
                    List.of((String[]) rs.getArray(3).getArray()));
            consumer.accept(Map.entry(row, rs.getString(4) == null ? "" : rs.getString(4)));
        }, id);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static ImportRecord map(ResultSet rs, int n) throws SQLException {
        return new ImportRecord(rs.getObject("id", UUID.class), rs.getObject("client_account_id", UUID.class),
                rs.getObject("engagement_id", UUID.class), rs.getString("filename"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("format"), rs.getString("encoding"), rs.getString("delimiter"),
                rs.getObject("header_row", Integer.class), rs.getString("source_type"),
                rs.getObject("source_type_confidence") == null ? null : rs.getDouble("source_type_confidence"),
                JSON.readValue(rs.getString("columns"), new TypeReference<List<String>>() { }), rs.getInt("row_count"),
                JSON.readValue(rs.getString("sample_rows"), new TypeReference<List<Map<String, String>>>() { }),
                JSON.readValue(rs.getString("mappings"), new TypeReference<List<ColumnMapping>>() { }), "uploaded", null, List.of(),
                rs.getObject("flow_id", UUID.class), null, null, rs.getObject("created_by", UUID.class), instant(rs, "created_at"),
                instant(rs, "updated_at"), null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
