package io.migrationplatform.discovery.web;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.discovery.ImportExecutor;
import io.migrationplatform.discovery.ImportIssue;
import io.migrationplatform.discovery.ImportIssues;
import io.migrationplatform.discovery.ImportRecord;
import io.migrationplatform.discovery.ImportService;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The seed's discovery router: upload an inventory export, review its mappings, execute it, read its problems. */
@Tag(name = "discovery")
@RestController
@RequestMapping("/api/v1/discovery/imports")
class ImportController {

    private final ImportService imports;
    private final ImportExecutor executor;
    private final ImportIssues issues;

    ImportController(ImportService imports, ImportExecutor executor, ImportIssues issues) {
        this.imports = imports;
        this.executor = executor;
        this.issues = issues;
    }

    @Operation(summary = "Upload a CSV/TSV/semicolon/pipe text, .xlsx or JSON array export (form part 'file'); "
            + "answers with the detected format, columns, sample rows and suggested mappings")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Uploaded and analysed")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission(Permission.WRITE_ASSETS)
    @RateLimited("imports")
    ResponseEntity<ImportRecord> upload(TenantScope scope, @RequestPart("file") MultipartFile file) {
        ImportRecord record = imports.upload(scope, file);
        return ResponseEntity.created(URI.create("/api/v1/discovery/imports/" + record.id())).body(record);
    }

    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<ImportRecord>> list(TenantScope scope, @RequestParam(required = false) Integer page,
                                         @RequestParam(name = "page_size", required = false) Integer pageSize) {
        PageParams params = PageParams.of(page, pageSize);
        return ApiResponse.page(imports.list(scope, params), params, imports.count(scope), "imports");
    }

    @Operation(summary = "The import: detection, mappings, status, phases with their counts, result")
    @GetMapping("/{import_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    ImportRecord get(TenantScope scope, @PathVariable("import_id") UUID importId) {
        return imports.get(scope, importId);
    }

    @Operation(summary = "Override mappings: {\"mappings\": {\"<source column>\": \"<target field>\"}}")
    @PutMapping("/{import_id}/mappings")
    @RequiresPermission(Permission.WRITE_ASSETS)
    ImportRecord mappings(TenantScope scope, @PathVariable("import_id") UUID importId, @RequestBody MappingsRequest body) {
        if (body.mappings() == null || body.mappings().isEmpty()) {
            throw ValidationException.of("mappings", "At least one column mapping is required", "missing");
        }
        return imports.updateMappings(scope, importId, body.mappings());
    }

    @Operation(summary = "Run the import as a discovery flow (data_validation → field_mapping → data_cleansing → "
            + "asset_inventory → dependency_mapping); answers at once, follow it with GET /discovery/imports/{import_id}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "Started: {flow_id, import_id, status}")
    @PostMapping("/{import_id}/execute")
    @RequiresPermission(Permission.WRITE_ASSETS)
    @RateLimited("flows") // it starts a discovery flow, as POST /flows does
    ResponseEntity<Map<String, Object>> execute(TenantScope scope, @PathVariable("import_id") UUID importId) {
        AuditContext context = AuditContext.ofCurrentRequest(scope, "import");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(executor.execute(scope, importId, context));
    }

    @Operation(summary = "Problems per row (row number, column, value, reason); format=csv downloads the rejected rows")
    @GetMapping("/{import_id}/errors")
    @RequiresPermission(Permission.READ_ASSETS)
    Object errors(TenantScope scope, @PathVariable("import_id") UUID importId,
                  @RequestParam(required = false) Integer page,
                  @RequestParam(name = "page_size", required = false) Integer pageSize,
                  @RequestParam(required = false) String severity,
                  @RequestParam(required = false) String format,
                  HttpServletResponse response) throws IOException {
        ImportRecord record = imports.get(scope, importId);
        if ("csv".equalsIgnoreCase(format)) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows-" + importId + ".csv\"");
            issues.writeRejectedRowsCsv(record, response.getOutputStream());
            return null;
        }
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw ValidationException.of("format", "Must be json or csv", "enum");
        }
        String level = severity == null || severity.equalsIgnoreCase("all") ? null : severity.toLowerCase();
        if (level != null && !level.equals("error") && !level.equals("warning")) {
            throw ValidationException.of("severity", "Must be error, warning or all", "enum");
        }
        PageParams params = PageParams.of(page, pageSize);
        List<ImportIssue> found = issues.list(importId, level, params);
        ApiResponse<List<ImportIssue>> answer = ApiResponse.page(found, params, issues.count(importId, level), "problems");
        return answer;
    }

    /** Body of PUT /mappings: source column → target field. */
    record MappingsRequest(Map<String, String> mappings) {
        MappingsRequest {
            mappings = mappings == null ? null : new LinkedHashMap<>(mappings);
        }
    }
}
