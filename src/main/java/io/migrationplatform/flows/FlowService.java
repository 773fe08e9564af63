package io.migrationplatform.flows;

import io.migrationplatform.flows.store.FlowRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.NotFoundException;
import io.migrationplatform.platform.error.ValidationException;
import io.migrationplatform.platform.web.PageParams;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flows: start one (any feature's flow type), read them, and the client actions pause, resume,
 * cancel, retry and delete. A flow runs as a durable background task ({@link FlowRunner}); its
 * state is changed only by the {@link FlowEngine}.
 */
@Service
public class FlowService implements FlowSnapshots {

    private final FlowEngine engine;
    private final FlowRepository repository;
    private final TaskService tasks;
    private final org.springframework.beans.factory.ObjectProvider<FlowHandler> handlerBeans;
    private volatile Map<String, FlowHandler> handlers;

    /** Handlers are looked up on first use: they may themselves use this service (an import reads its flow). */
    FlowService(FlowEngine engine, FlowRepository repository, TaskService tasks,
                org.springframework.beans.factory.ObjectProvider<FlowHandler> handlerBeans) {
        this.engine = engine;
        this.repository = repository;
        this.tasks = tasks;
        this.handlerBeans = handlerBeans;
    }

    private Map<String, FlowHandler> handlers() {
        Map<String, FlowHandler> known = handlers;
        if (known == null) {
            known = new LinkedHashMap<>();
            for (FlowHandler handler : handlerBeans.orderedStream().toList()) {
                if (known.put(handler.flowType(), handler) != null) {
                    throw new IllegalStateException("Two handlers for flow type " + handler.flowType());
                }
            }
            handlers = known;
        }
        return known;
    }

    /** The flow types that can be started, with their phases. */
    public Map<String, List<String>> types() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        handlers().forEach((type, handler) -> types.put(type, handler.phases()));
        return types;
    }

    /**
     * Creates a flow and queues its execution, in the caller's transaction (nothing runs unless it
     * commits). The handler checks and completes the configuration first.
     */
    @Transactional
    public Flow start(TenantScope scope, String flowType, String name, Map<String, Object> configuration) {
        FlowHandler handler = handlers().get(flowType);
        List<FieldError> errors = new ArrayList<>();
        if (handler == null) {
            errors.add(new FieldError("flow_type", "Must be one of: " + String.join(", ", handlers().keySet().stream().filter(t -> !t.startsWith("test.")).toList()), "enum"));
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.length() > 255) {
            errors.add(new FieldError("name", "At most 255 characters", "value_error"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (cleanName.isEmpty()) {
            cleanName = flowType + " flow";
        }
        Map<String, Object> prepared = handler.prepare(scope, cleanName, configuration == null ? Map.of() : configuration);
        Flow flow = engine.create(scope, flowType, cleanName, handler.phases(), prepared);
        handler.created(scope, flow);
        return queue(scope, flow.id());
    }

    /**
     * For a feature that has already recorded its own work (an assessment, a wave plan): creates and queues the
     * flow with {@code configuration} as it is, without {@link FlowHandler#prepare}, which checks what clients send.
     */
    @Transactional
    public Flow startPrepared(TenantScope scope, String flowType, String name, Map<String, Object> configuration) {
        FlowHandler handler = handlers().get(flowType);
        if (handler == null) {
            throw new IllegalArgumentException("No handler for flow type " + flowType);
        }
        Flow flow = engine.create(scope, flowType, name, handler.phases(), configuration);
        handler.created(scope, flow);
        return queue(scope, flow.id());
    }

    public Flow get(TenantScope scope, UUID id) {
        return repository.find(scope, id).orElseThrow(() -> new NotFoundException("Flow"));
    }

    public Optional<Flow> find(TenantScope scope, UUID id) {
        return repository.find(scope, id);
    }

    @Override
    public Optional<Map<String, Object>> snapshot(TenantScope scope, UUID flowId) {
        return repository.find(scope, flowId).map(FlowEngine::payload);
    }

    public List<Flow> list(TenantScope scope, String flowType, String status, PageParams page) {
        return repository.list(scope, flowType, status, page);
    }

    public long count(TenantScope scope, String flowType, String status) {
        return repository.count(scope, flowType, status);
    }

    /** Takes effect at the worker's next batch boundary; the phase under way is then run again on resume. */
    public Flow pause(TenantScope scope, UUID id) {
        return engine.act(scope, id, "pause", edit -> edit.status = FlowStatus.PAUSED);
    }

    @Transactional
    public Flow resume(TenantScope scope, UUID id) {
        engine.act(scope, id, "resume", edit -> edit.status = FlowStatus.PENDING);
        return queue(scope, id);
    }

    /** Stops the work at its next batch boundary; what was committed stays, consistent. */
    public Flow cancel(TenantScope scope, UUID id) {
        return engine.act(scope, id, "cancel", edit -> {
            edit.status = FlowStatus.CANCELLED;
            edit.finishedAt = java.time.Instant.now();
            for (int i = 0; i < edit.phases.size(); i++) {
                String status = edit.phases.get(i).status();
                if (status.equals("pending")) {
                    edit.phase(i, "cancelled", null, null, edit.finishedAt);
                }
            }
        });
    }

    /** Runs a failed flow again from its failed phase (earlier phases' committed results are kept). */
    @Transactional
    public Flow retry(TenantScope scope, UUID id) {
        engine.act(scope, id, "retry", edit -> {
            edit.status = FlowStatus.PENDING;
            edit.error = null;
            edit.finishedAt = null;
            for (int i = 0; i < edit.phases.size(); i++) {
                String status = edit.phases.get(i).status();
                if (status.equals("failed") || status.equals("cancelled")) {
                    edit.phase(i, "pending", 0, null, java.time.Instant.now());
                }
            }
        });
        return queue(scope, id);
    }

    public void delete(TenantScope scope, UUID id) {
        Flow flow = get(scope, id);
        if (!flow.status().allows("delete")) {
            throw FlowEngine.illegal("delete", flow.status());
        }
        repository.delete(scope, id);
    }

    FlowHandler handler(String flowType) {
        return handlers().get(flowType);
    }

    private Flow queue(TenantScope scope, UUID id) {
        Task task = tasks.submit(scope, FlowRunner.KIND, Map.of("flow_id", id.toString()));
        return engine.assignTask(scope, id, task.id());
    }
}
