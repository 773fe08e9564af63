package io.migrationplatform.flows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flow types for tests only: {@code test.steps} works through 200 small steps (a checkpoint and
 * progress report each, 25 ms apart) so a test can pause, resume or cancel it mid-phase;
 * {@code test.fail-once} fails in its second phase on the first execution of a flow and succeeds
 * when retried.
 */
@Configuration
class TestFlowHandlers {

    static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();
    /** Flow id → the final statuses {@link FlowHandler#finished} was told of, in order. */
    static final Map<String, List<String>> FINISHED = new ConcurrentHashMap<>();

    private static void finished(Flow flow) {
        FINISHED.computeIfAbsent(flow.id().toString(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(flow.status().json());
    }

    @Bean
    FlowHandler stepsFlow() {
        return new FlowHandler() {
            @Override
            public String flowType() {
                return "test.steps";
            }

            @Override
            public List<String> phases() {
                return List.of("prepare", "work", "finish");
            }

            @Override
            public void finished(io.migrationplatform.identity.TenantScope scope, Flow flow) {
                TestFlowHandlers.finished(flow);
            }

            @Override
            public Map<String, Object> run(FlowContext context) throws Exception {
                EXECUTIONS.computeIfAbsent(context.flowId().toString(), k -> new AtomicInteger()).incrementAndGet();
                context.phase("prepare");
                context.phase("work");
                int steps = ((Number) context.configuration().getOrDefault("steps", 200)).intValue();
                for (int i = 1; i <= steps; i++) {
                    context.checkpoint();
                    Thread.sleep(25);
                    context.progress(i * 100 / steps);
                }
                context.counts(Map.of("steps", steps));
                context.phase("finish");
                return Map.of("steps", steps);
            }
        };
    }

    @Bean
    FlowHandler failOnceFlow() {
        return new FlowHandler() {
            @Override
            public String flowType() {
                return "test.fail-once";
            }

            @Override
            public List<String> phases() {
                return List.of("one", "two", "three");
            }

            @Override
            public void finished(io.migrationplatform.identity.TenantScope scope, Flow flow) {
                TestFlowHandlers.finished(flow);
            }

            @Override
            public Map<String, Object> run(FlowContext context) {
                int execution = EXECUTIONS.computeIfAbsent(context.flowId().toString(), k -> new AtomicInteger()).incrementAndGet();
                if (!context.isPhaseCompleted("one")) {
                    context.phase("one");
                }
                context.phase("two");
                if (execution == 1) {
                    throw new IllegalStateException("disk full (test)");
                }
                context.phase("three");
                return Map.of("executions", execution);
            }
        };
    }
}
