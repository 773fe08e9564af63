package io.migrationplatform.tasks;

import io.migrationplatform.identity.Permission;
import io.migrationplatform.identity.RequiresPermission;
import io.migrationplatform.identity.TenantScope;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test-only: submits a task in the caller's scope, as a feature's endpoint would, so the API tests stay black-box. */
@Hidden
@RestController
class TaskEndpointForTests {

    private final TaskService tasks;

    TaskEndpointForTests(TaskService tasks) {
        this.tasks = tasks;
    }

    record SubmitRequest(String kind, Map<String, Object> input) {
    }

    @PostMapping("/api/v1/test-support/tasks")
    @RequiresPermission(Permission.WRITE_ASSETS)
    ResponseEntity<Task> submit(TenantScope scope, @RequestBody SubmitRequest body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(tasks.submit(scope, body.kind(), body.input()));
    }
}
