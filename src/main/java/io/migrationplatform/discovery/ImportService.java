package io.migrationplatform.discovery;

import io.migrationplatform.discovery.mapping.ColumnMapping;
import io.migrationplatform.discovery.mapping.MappingSuggester;
import io.migrationplatform.discovery.mapping.MappingSuggestion;
import io.migrationplatform.discovery.mapping.MappingTargets;
import io.migrationplatform.discovery.parse.SourceRow;
import io.migrationplatform.discovery.parse.TableReader;
import io.migrationplatform.discovery.parse.UnreadableFileException;
import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowPhase;
import io.migrationplatform.flows.FlowService;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload, review and mappings of discovery imports. The uploaded table is detected, staged row by
 * row in PostgreSQL (nothing the customer sent is lost) and answered at once with suggested
 * mappings; execution is {@link ImportExecutor}'s job.
 */
@Service
public class ImportService {

    private static final int SAMPLE_ROWS = 5;

    private final ImportRepository imports;

    private final FlowService flows;

    ImportService(ImportRepository imports, FlowService flows) {
        this.imports = imports;
        this.flows = flows;
    }

    @Transactional
    public ImportRecord upload(TenantScope scope, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ValidationException.of("file", "The file is empty", "empty_file");
        }
        String filename = file.getOriginalFilename() == null ? "upload" : Path.of(file.getOriginalFilename()).getFileName().toString();
        Path temp = null;
        try {
            temp = Files.createTempFile("import-", ".upload");
            String sha256;
            try (InputStream in = new DigestInputStream(file.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            return stage(scope, temp, filename.length() > 255 ? filename.substring(0, 255) : filename, Files.size(temp), sha256);
        } catch (UnreadableFileException e) {
            throw ValidationException.of("file", e.getMessage(), "unreadable_file");
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The upload could not be read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private ImportRecord stage(TenantScope scope, Path file, String filename, long size, String sha256)
            throws UnreadableFileException {
        try (TableReader reader = TableReader.open(file, filename)) {
            List<String> columns = reader.columns();
            MappingSuggestion suggestion = MappingSuggester.suggest(columns);
            UUID id = UUID.randomUUID();
            List<Map<String, String>> samples = new ArrayList<>();
            ImportRecord record = new ImportRecord(id, scope.clientAccountId(), scope.engagementId(), filename, size, sha256,
                    reader.format().format(), reader.format().encoding(),
                    reader.format().delimiter() == null ? null : String.valueOf(reader.format().delimiter()),
                    reader.format().headerRow(), suggestion.sourceType(), suggestion.sourceTypeConfidence(), columns, 0,
                    samples, suggestion.mappings(), "uploaded", null, List.of(), null, null, null, scope.userId(),
                    null, null, null, null);
            imports.insert(scope, record);
            Iterator<SourceRow> rows = reader.rows();
            // One COPY for the whole file, fed while it is parsed; the first rows also become the samples.
            long count = imports.stageRows(id, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public SourceRow next() {
                    SourceRow row = rows.next();
                    if (samples.size() < SAMPLE_ROWS) {
                        samples.add(sample(columns, row));
                    }
                    return row;
                }
            });
            if (count == 0) {
                throw new UnreadableFileException("The file has a header but no data rows");
            }
            imports.setRowCount(id, Math.toIntExact(count));
            imports.updateSamples(id, samples);
            return imports.find(scope, id).orElseThrow();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof UnreadableFileException unreadable) {
                throw unreadable;
            }
            throw e;
        }
    }

    private static Map<String, String> sample(List<String> columns, SourceRow row) {
        Map<String, String> sample = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = i < row.values().size() ? row.values().get(i) : null;
            sample.put(columns.get(i), value == null || value.length() <= 200 ? value : value.substring(0, 200) + "…");
        }
        return sample;
    }

    /** The import with its execution: status, phases, result and error are its discovery flow's. */
    @Transactional(readOnly = true)
    public ImportRecord get(TenantScope scope, UUID id) {
        return withExecution(scope, imports.find(scope, id).orElseThrow(() -> new NotFoundException("Import")));
    }

    @Transactional(readOnly = true)
    public List<ImportRecord> list(TenantScope scope, PageParams page) {
        return imports.list(scope, page).stream().map(r -> withExecution(scope, r)).toList();
    }

    /** The flow is the one owner of execution state; the import only remembers which flow ran it. */
    private ImportRecord withExecution(TenantScope scope, ImportRecord r) {
        Flow flow = r.flowId() == null ? null : flows.find(scope, r.flowId()).orElse(null);
        if (flow == null) {
            return r;
        }
        String status = flow.status().isActive() ? "running" : flow.status().json();
        List<Map<String, Object>> phases = new ArrayList<>();
        for (FlowPhase p : flow.phases()) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("name", p.name());
            phase.put("status", p.status());
            phase.put("progress", p.progress());
            phase.put("started_at", p.startedAt());
            phase.put("finished_at", p.finishedAt());
            phase.put("counts", p.counts());
            if (p.error() != null) {
                phase.put("error", p.error());
            }
            phases.add(phase);
        }
        return new ImportRecord(r.id(), r.clientAccountId(), r.engagementId(), r.filename(), r.sizeBytes(), r.sha256(), r.format(),
                r.encoding(), r.delimiter(), r.headerRow(), r.sourceType(), r.sourceTypeConfidence(), r.columns(), r.rowCount(),
                r.sampleRows(), r.mappings(), status, flow.currentPhase(), phases, r.flowId(), flow.result(), flow.error(),
                r.createdBy(), r.createdAt(), r.updatedAt(), flow.startedAt(), flow.finishedAt());
    }

    @Transactional(readOnly = true)
    public long count(TenantScope scope) {
        return imports.count(scope);
    }

    /**
     * Overrides mappings: {@code {source column: target field}}. Unknown columns or targets are
     * refused; a target other than attributes/storage_gb may be fed by one column only.
     */
    @Transactional
    public ImportRecord updateMappings(TenantScope scope, UUID id, Map<String, String> overrides) {
        ImportRecord current = get(scope, id);
        if ("running".equals(current.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "The import is running; change mappings once it has finished");
        }
        List<FieldError> errors = new ArrayList<>();
        overrides.forEach((column, target) -> {
            if (!current.columns().contains(column)) {
                errors.add(new FieldError("mappings." + column, "No such column in this import", "unknown_column"));
            } else if (target == null || !MappingTargets.isValid(target)) {
                errors.add(new FieldError("mappings." + column, "Unknown target field; valid: " + String.join(", ", MappingTargets.all()),
                        "unknown_field"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<ColumnMapping> updated = new ArrayList<>();
        for (ColumnMapping m : current.mappings()) {
            String target = overrides.get(m.sourceColumn());
            updated.add(target == null ? m : new ColumnMapping(m.sourceColumn(), target, 1.0, "user_override",
                    target.equals("memory_gb") || target.equals("storage_gb") ? m.unit() : null, "set by a user"));
        }
        Set<String> seen = new HashSet<>();
        for (ColumnMapping m : updated) {
            String t = m.targetField();
            if (!t.equals("attributes") && !t.equals("storage_gb") && !seen.add(t)) {
                errors.add(new FieldError("mappings", "Field " + t + " is mapped from more than one column", "duplicate_target"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        imports.updateMappings(id, updated);
        return get(scope, id);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it eventually
        }
    }
}
