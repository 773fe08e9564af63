package io.migrationplatform.flows.web;

import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowService;
import io.migrationplatform.flows.FlowStatus;
import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RateLimited;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "flows", description = "Long-running discovery, assessment and planning runs: status, phases, pause, resume, cancel, retry")
@RestController
@RequestMapping("/api/v1/flows")
class FlowController {

    private final FlowService flows;

    FlowController(FlowService flows) {
        this.flows = flows;
    }

    record CreateRequest(String flowType, String name, Map<String, Object> configuration) {
    }

    @Operation(summary = "Create and start a flow of a type (configuration depends on it: discovery {import_id}; assessment {asset_ids} or {filters})")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.FLOW_EXECUTE)
    @RateLimited("flows")
    Flow create(TenantScope scope, @RequestBody CreateRequest body) {
        if (body.flowType() == null || body.flowType().isBlank()) {
            throw new ValidationException(List.of(new FieldError("flow_type", "Field required", "missing")));
        }
        return flows.start(scope, body.flowType().strip().toLowerCase(Locale.ROOT), body.name(), body.configuration());
    }

    @Operation(summary = "The scope's flows, newest first; filters flow_type and status")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<Flow>> list(TenantScope scope, @RequestParam(name = "flow_type", required = false) String flowType,
                                 @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                                 @RequestParam(name = "page_size", required = false) Integer pageSize) {
        String type = blankToNull(flowType);
        String state = blankToNull(status);
        if (state != null && Arrays.stream(FlowStatus.values()).noneMatch(s -> s.json().equals(state))) {
            throw new ValidationException(List.of(new FieldError("status", "Must be one of: "
                    + String.join(", ", Arrays.stream(FlowStatus.values()).map(FlowStatus::json).toList()), "enum")));
        }
        PageParams params = PageParams.of(page, pageSize);
        return ApiResponse.page(flows.list(scope, type, state, params), params, flows.count(scope, type, state), "flows");
    }

    @Operation(summary = "A flow: status, phases with their progress and counts, overall progress, result, allowed actions")
    @GetMapping("/{flow_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    Flow get(TenantScope scope, @PathVariable("flow_id") UUID id) {
        return flows.get(scope, id);
    }

    @Operation(summary = "Pause at the next batch boundary")
    @PostMapping("/{flow_id}/pause")
    @RequiresPermission(Permission.FLOW_EXECUTE)
    Flow pause(TenantScope scope, @PathVariable("flow_id") UUID id) {
        return flows.pause(scope, id);
    }

    @Operation(summary = "Resume a paused flow (the interrupted phase runs again)")
    @PostMapping("/{flow_id}/resume")
    @RequiresPermission(Permission.FLOW_EXECUTE)
    @RateLimited("flows")
    Flow resume(TenantScope scope, @PathVariable("flow_id") UUID id) {
        return flows.resume(scope, id);
    }

    @Operation(summary = "Cancel: the work stops at its next batch boundary; what was committed stays consistent")
    @PostMapping("/{flow_id}/cancel")
    @RequiresPermission(Permission.FLOW_EXECUTE)
    Flow cancel(TenantScope scope, @PathVariable("flow_id") UUID id) {
        return flows.cancel(scope, id);
    }

    @Operation(summary = "Run a failed flow again from its failed phase")
    @PostMapping("/{flow_id}/retry")
    @RequiresPermission(Permission.FLOW_EXECUTE)
    @RateLimited("flows")
    Flow retry(TenantScope scope, @PathVariable("flow_id") UUID id) {
        return flows.retry(scope, id);
    }

    @Operation(summary = "Delete a finished flow (completed, failed or cancelled)")
    @DeleteMapping("/{flow_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.FLOW_EXECUTE)
    void delete(TenantScope scope, @PathVariable("flow_id") UUID id) {
        flows.delete(scope, id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
