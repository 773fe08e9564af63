package io.migrationplatform.flows;

import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.tasks.Task;
import io.migrationplatform.tasks.TaskContext;
import io.migrationplatform.tasks.TaskHandler;
import io.migrationplatform.tasks.TaskService;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Executes flows as durable tasks: exactly one instance runs a flow (the task queue guarantees it),
 * a server that dies mid-flow has it run again on another instance or the next start, and a flow
 * whose task gave up is failed with the reason — no flow stays running for ever.
 */
@Component
class FlowRunner implements TaskHandler {

    static final String KIND = "flow.run";
    private static final Logger log = LoggerFactory.getLogger(FlowRunner.class);

    private final FlowEngine engine;
    private final ObjectProvider<FlowService> flows;
    private final TaskService tasks;
    private final io.migrationplatform.flows.store.FlowRepository repository;

    FlowRunner(FlowEngine engine, ObjectProvider<FlowService> flows, TaskService tasks,
               io.migrationplatform.flows.store.FlowRepository repository) {
        this.engine = engine;
        this.flows = flows;
        this.tasks = tasks;
        this.repository = repository;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(TaskContext task) throws Exception {
        TenantScope scope = task.scope();
        UUID flowId = UUID.fromString(String.valueOf(task.input().get("flow_id")));
        if (!engine.claim(scope, flowId)) {
            return Map.of("flow_id", flowId.toString(), "ran", false);
        }
        Flow flow = flows.getObject().get(scope, flowId);
        FlowHandler handler = flows.getObject().handler(flow.flowType());
        RunningFlow context = new RunningFlow(engine, flow, scope, task.attempt());
        try {
            if (handler == null) {
                throw new IllegalStateException("No handler for flow type " + flow.flowType());
            }
            Map<String, Object> result = handler.run(context);
            engine.complete(scope, flowId, result == null ? Map.of() : result);
            return Map.of("flow_id", flowId.toString(), "ran", true);
        } catch (FlowStoppedException stopped) {
            engine.stopped(scope, flowId);
            return Map.of("flow_id", flowId.toString(), "stopped", stopped.status().json());
        } catch (Exception e) {
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                // The server is stopping: leave the flow running; its task is queued again and resumes it.
                log.info("Flow {} interrupted by a shutdown; it will resume", flowId);
                throw e;
            }
            String message = e instanceof ApiException api ? api.getMessage()
                    : "The " + flow.flowType() + " flow failed unexpectedly; the log has the details (flow " + flowId + ")";
            log.error("Flow {} ({}) failed", flowId, flow.flowType(), e);
            engine.fail(scope, flowId, message);
            return Map.of("flow_id", flowId.toString(), "failed", true);
        }
    }

    /**
     * A flow whose task ended without finishing it (interrupted too many times, or lost) is failed
     * with the task's reason, so subscribers and clients see it; checked every 30 seconds.
     */
    @Scheduled(fixedDelay = 30_000, initialDelay = 10_000)
    void failOrphans() {
        for (Flow flow : repository.active()) {
            if (flow.taskId() == null) {
                continue;
            }
            TenantScope scope = new TenantScope(flow.createdBy(), flow.clientAccountId(), flow.engagementId(),
                    io.migrationplatform.identity.Role.VIEWER);
            try {
                Task task = tasks.get(scope, flow.taskId());
                if (Set.of(Task.FAILED, Task.COMPLETED).contains(task.status())
                        && engine.status(scope, flow.id()).isActive() && flow.taskId().equals(task.id())) {
                    engine.fail(scope, flow.id(), task.status().equals(Task.FAILED) && task.message() != null ? task.message()
                            : "The flow's execution ended without finishing it");
                }
            } catch (RuntimeException e) {
                log.warn("Flow {} could not be checked: {}", flow.id(), e.getMessage());
            }
        }
    }

    /** The handler's view of its flow: every report goes through the engine. */
    private static final class RunningFlow implements FlowContext {
        private static final long REPORT_INTERVAL_NANOS = 250_000_000L;

        private final FlowEngine engine;
        private final Flow flow;
        private final TenantScope scope;
        private final int attempt;
        private final Set<String> completedBefore;
        private long lastReport;
        private int lastProgress = -1;

        RunningFlow(FlowEngine engine, Flow flow, TenantScope scope, int attempt) {
            this.engine = engine;
            this.flow = flow;
            this.scope = scope;
            this.attempt = attempt;
            this.completedBefore = Set.copyOf(flow.phases().stream().filter(p -> p.status().equals("completed"))
                    .map(FlowPhase::name).toList());
        }

        @Override
        public UUID flowId() {
            return flow.id();
        }

        @Override
        public TenantScope scope() {
            return scope;
        }

        @Override
        public Map<String, Object> configuration() {
            return flow.configuration();
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public void phase(String name) {
            engine.enterPhase(scope, flow.id(), name);
            lastProgress = 0;
        }

        @Override
        public boolean isPhaseCompleted(String name) {
            return completedBefore.contains(name);
        }

        @Override
        public void counts(Map<String, Object> counts) {
            engine.report(scope, flow.id(), null, counts);
        }

        @Override
        public void progress(int percent) {
            long now = System.nanoTime();
            if (percent != lastProgress && (percent >= 100 || now - lastReport >= REPORT_INTERVAL_NANOS)) {
                lastReport = now;
                lastProgress = percent;
                engine.report(scope, flow.id(), percent, null);
            }
        }

        @Override
        public void checkpoint() {
            FlowStatus status = engine.status(scope, flow.id());
            if (status != FlowStatus.RUNNING) {
                throw new FlowStoppedException(status);
            }
        }
    }
}
