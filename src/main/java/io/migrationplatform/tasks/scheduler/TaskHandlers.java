package io.migrationplatform.tasks.scheduler;

import io.migrationplatform.tasks.TaskHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link TaskHandler} beans by kind. Looked up lazily, so a handler may itself depend on the
 * task service (to submit follow-up tasks) without a dependency cycle. Two handlers of one kind stop
 * the start-up.
 */
@Component
public class TaskHandlers {

    private final ObjectProvider<TaskHandler> provider;
    private volatile Map<String, TaskHandler> byKind;

    TaskHandlers(ObjectProvider<TaskHandler> provider) {
        this.provider = provider;
    }

    public Optional<TaskHandler> find(String kind) {
        return Optional.ofNullable(all().get(kind));
    }

    public Set<String> kinds() {
        return all().keySet();
    }

    private Map<String, TaskHandler> all() {
        Map<String, TaskHandler> known = byKind;
        if (known == null) {
            Map<String, TaskHandler> found = new LinkedHashMap<>();
            provider.orderedStream().forEach(handler -> {
                String kind = handler.kind();
                if (kind == null || kind.isBlank() || kind.length() > 100) {
                    throw new IllegalStateException("Task handler " + handler.getClass().getName()
                            + " has no valid kind (1 to 100 characters): " + kind);
                }
                TaskHandler previous = found.putIfAbsent(kind, handler);
                if (previous != null) {
                    throw new IllegalStateException("Two task handlers for kind '" + kind + "': "
                            + previous.getClass().getName() + " and " + handler.getClass().getName());
                }
            });
            known = Collections.unmodifiableMap(found);
            byKind = known;
        }
        return known;
    }
}
