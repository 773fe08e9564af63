package io.migrationplatform.tasks.web;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.ApiResponse;
import io.migrationplatform.platform.web.PageParams;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Background tasks of the current scope: follow one until it is completed or failed, or list them. */
@Tag(name = "tasks")
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    private static final int MAX_KIND_LENGTH = 100;

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "The scope's background tasks, newest first (paginated; the seed's APIResponse envelope); brief: "
            + "no result or per-item errors, GET the task for them")
    @GetMapping
    @RequiresPermission(Permission.READ_ASSETS)
    ApiResponse<List<TaskSummaryResponse>> list(TenantScope scope,
                                         @Parameter(description = "Page number, from 1") @RequestParam(required = false) Integer page,
                                         @Parameter(description = "Items per page, 1 to 100 (default 50)")
                                         @RequestParam(name = "page_size", required = false) Integer pageSize,
                                         @Parameter(description = "queued, running, completed or failed")
                                         @RequestParam(required = false) String status,
                                         @Parameter(description = "Tasks of this kind, e.g. analysis.batch")
                                         @RequestParam(required = false) String kind) {
        PageParams params = PageParams.of(page, pageSize);
        List<FieldError> errors = new ArrayList<>();
        String state = status(status, errors);
        String kindFilter = kind(kind, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<TaskSummaryResponse> items = tasks.list(scope, state, kindFilter, params).stream().map(TaskSummaryResponse::of).toList();
        return ApiResponse.page(items, params, tasks.count(scope, state, kindFilter), "tasks");
    }

    @Operation(summary = "One task: status (queued, running, completed, failed), progress, result, per-item errors, message")
    @GetMapping("/{task_id}")
    @RequiresPermission(Permission.READ_ASSETS)
    TaskResponse get(TenantScope scope, @PathVariable("task_id") UUID taskId) {
        return TaskResponse.of(tasks.get(scope, taskId));
    }

    private static String status(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (!Task.STATUSES.contains(normalised)) {
            errors.add(new FieldError("status", "Must be one of: " + String.join(", ", Task.STATUSES), "enum"));
        }
        return normalised;
    }

    private static String kind(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_KIND_LENGTH || stripped.indexOf('\u0000') >= 0) {
            errors.add(new FieldError("kind", "At most " + MAX_KIND_LENGTH + " characters, no NUL", "value_error"));
        }
        return stripped;
    }
}
