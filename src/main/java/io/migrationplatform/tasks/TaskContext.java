package io.migrationplatform.tasks;

import io.migrationplatform.identity.TenantScope;
import java.util.Map;
import java.util.UUID;

/** What a {@link TaskHandler} knows of the task it runs, and how it reports back. Safe to use from several threads. */
public interface TaskContext {

    UUID taskId();

    /** The tenant scope the task was submitted in (with the submitter's role at that time). */
    TenantScope scope();

    /** The user who submitted the task. */
    UUID createdBy();

    /** The input given to {@link TaskService#submit}, as stored (a JSON round trip: numbers may come back as another Number type). */
    Map<String, Object> input();

    /** 1 on the first run; higher when the task is run again after an interruption (server stop or crash). */
    int attempt();

    /**
     * Reports progress ({@code processed} of {@code total} items). Cheap enough to call for every
     * item: it is written to the database at most about every 500 ms (and always at the end).
     */
    void progress(long processed, long total);

    /**
     * Records a per-item problem (for example asset id → reason) without failing the task. The
     * first 1,000 distinct keys are kept with their reason; beyond that they are only counted.
     * Reporting a key again replaces its reason and is not counted twice.
     */
    void error(String key, String reason);
}
