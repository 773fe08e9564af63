package io.migrationplatform.flows;

import io.migrationplatform.flows.store.FlowRepository;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.platform.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one owner of flow state. Every change — a client's pause or cancel, a worker's phase or
 * progress — is made here, under the flow row's lock, checked against the flow's current status,
 * and published to subscribers after it commits. Nothing else writes a flow.
 */
@Component
class FlowEngine {

    private static final Logger log = LoggerFactory.getLogger(FlowEngine.class);

    private final FlowRepository repository;
    private final TransactionTemplate transactions;
    private final ObjectProvider<FlowUpdates> updates;
    private final Clock clock;
    private final ObjectProvider<FlowHandler> handlers;

    FlowEngine(FlowRepository repository, TransactionTemplate transactions, ObjectProvider<FlowUpdates> updates, Clock clock,
               ObjectProvider<FlowHandler> handlers) {
        this.repository = repository;
        this.transactions = transactions;
        this.updates = updates;
        this.clock = clock;
        this.handlers = handlers;
    }

    Flow create(TenantScope scope, String flowType, String name, List<String> phases, Map<String, Object> configuration) {
        Instant now = clock.instant();
        Flow flow = new Flow(UUID.randomUUID(), flowType, name, FlowStatus.PENDING, phases.stream().map(FlowPhase::pending).toList(), null,
                0, configuration, null, null, null, scope.clientAccountId(), scope.engagementId(), scope.userId(), now, now, null, null);
        repository.insert(flow);
        publishAfterCommit(flow);
        return flow;
    }

    /** A client action: allowed only in the statuses of {@link FlowStatus#allowedActions()}, else 409 naming them. */
    Flow act(TenantScope scope, UUID id, String action, Consumer<FlowEdit> change) {
        return change(scope, id, edit -> {
            if (!edit.status.allows(action)) {
                throw illegal(action, edit.status);
            }
            change.accept(edit);
            return true;
        });
    }

    static ApiException illegal(String action, FlowStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current_status", status.json());
        details.put("allowed_actions", status.allowedActions());
        return new ApiException(HttpStatus.CONFLICT, "Cannot " + action + " a flow that is " + status.json().replace('_', ' ')
                + "; allowed: " + (status.allowedActions().isEmpty() ? "nothing" : String.join(", ", status.allowedActions())), details);
    }

    /** Records the task that will run the flow (engine-owned like every other field). */
    Flow assignTask(TenantScope scope, UUID id, UUID taskId) {
        return change(scope, id, edit -> {
            edit.taskId = taskId;
            return true;
        });
    }

    /** A worker takes the flow: pending (or running, after a crash) becomes running. False when there is nothing to do. */
    boolean claim(TenantScope scope, UUID id) {
        Flow flow = change(scope, id, edit -> {
            if (!edit.status.isActive()) {
                return false;
            }
            edit.status = FlowStatus.RUNNING;
            edit.error = null;
            edit.finishedAt = null;
            if (edit.startedAt == null) {
                edit.startedAt = clock.instant();
            }
            return true;
        });
        return flow.status() == FlowStatus.RUNNING;
    }

    /** Completes the running phase and starts {@code phase}; throws FlowStoppedException if the flow is no longer running. */
    void enterPhase(TenantScope scope, UUID id, String phase) {
        change(scope, id, edit -> {
            requireRunning(edit);
            int next = edit.index(phase);
            if (next < 0) {
                throw new IllegalStateException("Unknown phase " + phase);
            }
            Instant now = clock.instant();
            for (int i = 0; i < next; i++) {
                if (!edit.phases.get(i).status().equals("completed")) {
                    edit.phase(i, "completed", 100, null, now);
                }
            }
            edit.phase(next, "running", 0, null, now);
            edit.currentPhase = phase;
            return true;
        });
    }

    void report(TenantScope scope, UUID id, Integer progress, Map<String, Object> counts) {
        change(scope, id, edit -> {
            requireRunning(edit);
            int i = edit.currentPhase == null ? -1 : edit.index(edit.currentPhase);
            if (i < 0) {
                return false;
            }
            if (progress != null) {
                edit.progress(i, Math.max(0, Math.min(100, progress)));
            }
            if (counts != null) {
                edit.counts(i, counts);
            }
            return true;
        });
    }

    void complete(TenantScope scope, UUID id, Map<String, Object> result) {
        change(scope, id, edit -> {
            requireRunning(edit);
            Instant now = clock.instant();
            for (int i = 0; i < edit.phases.size(); i++) {
                if (!edit.phases.get(i).status().equals("completed")) {
                    edit.phase(i, "completed", 100, null, now);
                }
            }
            edit.status = FlowStatus.COMPLETED;
            edit.result = result;
            edit.finishedAt = now;
            return true;
        });
    }

    /** The work failed: the flow and its running phase fail with a message safe for clients. */
    void fail(TenantScope scope, UUID id, String message) {
        change(scope, id, edit -> {
            if (!edit.status.isActive()) {
                return false;
            }
            Instant now = clock.instant();
            boolean marked = false;
            for (int i = 0; i < edit.phases.size(); i++) {
                if (edit.phases.get(i).status().equals("running")) {
                    edit.phase(i, "failed", null, message, now);
                    marked = true;
                }
            }
            if (!marked) {
                for (int i = 0; i < edit.phases.size(); i++) {
                    if (edit.phases.get(i).status().equals("pending")) {
                        edit.phase(i, "failed", null, message, now);
                        break;
                    }
                }
            }
            edit.status = FlowStatus.FAILED;
            edit.error = message;
            edit.finishedAt = now;
            return true;
        });
    }

    /** The worker stopped at a checkpoint because a client paused or cancelled: settle the running phase. */
    void stopped(TenantScope scope, UUID id) {
        change(scope, id, edit -> {
            if (edit.status == FlowStatus.PAUSED || edit.status == FlowStatus.WAITING_FOR_INPUT) {
                edit.settleRunning("pending", clock.instant());
                return true;
            }
            if (edit.status == FlowStatus.CANCELLED) {
                edit.settleRunning("cancelled", clock.instant());
                return true;
            }
            return false;
        });
    }

    FlowStatus status(TenantScope scope, UUID id) {
        return repository.status(scope, id).orElseThrow(() -> new NotFoundException("Flow"));
    }

    /** Changes a flow under its row lock; publishes the result after commit when {@code change} returns true. */
    private Flow change(TenantScope scope, UUID id, java.util.function.Predicate<FlowEdit> change) {
        Flow[] changed = new Flow[1];
        Flow result = transactions.execute(status -> {
            Flow current = repository.findForUpdate(scope, id).orElseThrow(() -> new NotFoundException("Flow"));
            FlowEdit edit = new FlowEdit(current);
            if (!change.test(edit)) {
                return current;
            }
            Flow updated = edit.build(clock.instant());
            repository.update(updated);
            if (!current.status().isTerminal() && updated.status().isTerminal()) {
                handlers.orderedStream().filter(h -> h.flowType().equals(updated.flowType()))
                        .forEach(h -> h.finished(scope, updated));
            }
            changed[0] = updated;
            return updated;
        });
        if (changed[0] != null) {
            publishAfterCommit(changed[0]);
        }
        return result;
    }

    private static void requireRunning(FlowEdit edit) {
        if (edit.status != FlowStatus.RUNNING) {
            throw new FlowStoppedException(edit.status);
        }
    }

    private void publishAfterCommit(Flow flow) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            publish(flow);
                        }
                    });
        } else {
            publish(flow);
        }
    }

    void publish(Flow flow) {
        FlowUpdates target = updates.getIfAvailable();
        if (target == null) {
            return;
        }
        try {
            target.publish(new FlowUpdate(flow.id(), flow.clientAccountId(), flow.engagementId(), payload(flow), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Flow {} update not published: {}", flow.id(), e.getMessage());
        }
    }

    /** What subscribers receive: status, current phase, progress and each phase's state and counts. */
    static Map<String, Object> payload(Flow flow) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("flow_type", flow.flowType());
        data.put("name", flow.name());
        data.put("status", flow.status().json());
        data.put("phase", flow.currentPhase());
        data.put("progress", flow.progress());
        List<Map<String, Object>> phases = new java.util.ArrayList<>();
        for (FlowPhase p : flow.phases()) {
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("name", p.name());
            phase.put("status", p.status());
            phase.put("progress", p.progress());
            phase.put("counts", p.counts());
            if (p.error() != null) {
                phase.put("error", p.error());
            }
            phases.add(phase);
        }
        data.put("phases", phases);
        data.put("allowed_actions", flow.allowedActions());
        if (flow.error() != null) {
            data.put("error", flow.error());
        }
        if (flow.result() != null) {
            data.put("result", flow.result());
        }
        return data;
    }
}
