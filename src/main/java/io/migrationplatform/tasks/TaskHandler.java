package io.migrationplatform.tasks;

import java.util.Map;

/**
 * The work behind one kind of background task. A feature implements it as a Spring bean; the
 * {@link #kind()} is a stable string such as {@code "analysis.batch"} (it is stored with every task,
 * so never rename it while tasks of that kind may still be queued).
 *
 * <p><b>Handlers must be idempotent.</b> A task runs at least once: if its server stops or dies while
 * it runs, another instance (or the next start) runs it again from the beginning, with
 * {@link TaskContext#attempt()} one higher and progress and errors reset. Write so that doing the
 * work twice gives the same outcome (upserts, "set" rather than "add").
 *
 * <p>Throwing fails the task. The client sees a safe message: the exception's own message only for
 * an {@link io.migrationplatform.platform.error.ApiException} (whose messages are written for
 * clients), otherwise a generic one naming the task id; the full exception is logged with the task id.
 */
public interface TaskHandler {

    /** The stable kind this handler runs, unique among handlers (checked at start-up). */
    String kind();

    /**
     * Does the work of one task.
     *
     * @return the task's result: a JSON-able map (strings, numbers, booleans, lists, maps), shown as
     *         {@code result}; {@code null} stores an empty object
     */
    Map<String, Object> run(TaskContext context) throws Exception;
}
