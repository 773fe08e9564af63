package io.migrationplatform.flows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A flow being changed inside the engine's lock: mutable fields, then one immutable {@link Flow} again. */
final class FlowEdit {

    private final Flow original;
    FlowStatus status;
    final List<FlowPhase> phases;
    String currentPhase;
    Map<String, Object> result;
    String error;
    java.util.UUID taskId;
    Instant startedAt;
    Instant finishedAt;
    Map<String, Object> configuration;

    FlowEdit(Flow flow) {
        this.original = flow;
        this.status = flow.status();
        this.phases = new ArrayList<>(flow.phases());
        this.currentPhase = flow.currentPhase();
        this.result = flow.result();
        this.error = flow.error();
        this.taskId = flow.taskId();
        this.startedAt = flow.startedAt();
        this.finishedAt = flow.finishedAt();
        this.configuration = flow.configuration();
    }

    int index(String phase) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).name().equals(phase)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets the phase's status (and its times), keeping everything else of it. */
    void phase(int i, String phaseStatus, Integer progress, String phaseError, Instant now) {
        FlowPhase p = phases.get(i);
        Instant started = phaseStatus.equals("running") && p.startedAt() == null ? now : p.startedAt();
        Instant finished = switch (phaseStatus) {
            case "completed", "failed", "cancelled" -> now;
            default -> null;
        };
        if (phaseStatus.equals("pending")) {
            started = null;
        }
        phases.set(i, new FlowPhase(p.name(), phaseStatus, progress == null ? p.progress() : progress, started, finished, phaseError,
                p.counts()));
    }

    void counts(int i, Map<String, Object> counts) {
        FlowPhase p = phases.get(i);
        Map<String, Object> merged = new LinkedHashMap<>(p.counts());
        merged.putAll(counts);
        phases.set(i, new FlowPhase(p.name(), p.status(), p.progress(), p.startedAt(), p.finishedAt(), p.error(), merged));
    }

    void progress(int i, int progress) {
        FlowPhase p = phases.get(i);
        phases.set(i, new FlowPhase(p.name(), p.status(), progress, p.startedAt(), p.finishedAt(), p.error(), p.counts()));
    }

    /** Phases that are running become {@code to} (a pause sends them back to pending, a cancel ends them). */
    void settleRunning(String to, Instant now) {
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).status().equals("running")) {
                phase(i, to, to.equals("pending") ? 0 : null, null, now);
            }
        }
    }

    /** Overall progress: the mean of the phases' progress, a completed phase counting 100. */
    int overallProgress() {
        if (phases.isEmpty()) {
            return status == FlowStatus.COMPLETED ? 100 : 0;
        }
        int sum = 0;
        for (FlowPhase p : phases) {
            sum += p.status().equals("completed") ? 100 : Math.max(0, Math.min(100, p.progress()));
        }
        return Math.round((float) sum / phases.size());
    }

    Flow build(Instant now) {
        return new Flow(original.id(), original.flowType(), original.name(), status, List.copyOf(phases), currentPhase, overallProgress(),
                configuration, result, error, taskId, original.clientAccountId(), original.engagementId(), original.createdBy(),
                original.createdAt(), now, startedAt, finishedAt);
    }
}
