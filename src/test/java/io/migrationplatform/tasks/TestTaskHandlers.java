package io.migrationplatform.tasks;

import io.migrationplatform.platform.error.BadRequestException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task handlers that exist only in the test classpath (every test application context has them):
 * <ul>
 * <li>{@code test.echo}: walks {@code items} items (reporting progress, and an error for each index in
 *     {@code bad}, or for all with {@code all_bad}), then returns what it saw;</li>
 * <li>{@code test.fail}: reports one item error, then throws: a client-safe {@link BadRequestException} with
 *     {@code client_message}, else an exception whose message must never reach a client;</li>
 * <li>{@code test.block-until-released}: reports 1 of 2, then blocks on its {@code gate} while its attempt
 *     is at most {@code block_attempts} (default: always). With {@code interruptible} false it ignores
 *     interrupts, like work stuck in I/O: its server stops without it writing anything, as in a crash.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class TestTaskHandlers {

    public static final String SECRET_DETAIL = "SELECT password_hash FROM users -- org.postgresql.util.PSQLException";
    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    public static void release(String gate) {
        gate(gate).countDown();
    }

    public static void releaseAll() {
        GATES.values().forEach(CountDownLatch::countDown);
    }

    private static CountDownLatch gate(String name) {
        return GATES.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    @Bean
    TaskHandler echoTaskHandler() {
        return handler("test.echo", context -> {
            Map<String, Object> input = context.input();
            long items = ((Number) input.getOrDefault("items", 0)).longValue();
            List<?> bad = (List<?>) input.getOrDefault("bad", List.of());
            boolean allBad = Boolean.TRUE.equals(input.get("all_bad"));
            long pause = ((Number) input.getOrDefault("item_millis", 0)).longValue();
            for (long i = 0; i < items; i++) {
                if (allBad || bad.contains((int) i)) {
                    context.error("item-" + i, "bad item " + i);
                }
                context.progress(i + 1, items);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("echo", input.get("message"));
            result.put("items", items);
            result.put("attempt", context.attempt());
            result.put("task_id", context.taskId().toString());
            result.put("client_account_id", context.scope().clientAccountId().toString());
            result.put("engagement_id", context.scope().engagementId().toString());
            result.put("role", context.scope().role().value());
            result.put("created_by", context.createdBy().toString());
            return result;
        });
    }

    @Bean
    TaskHandler failingTaskHandler() {
        return handler("test.fail", context -> {
            context.progress(1, 4);
            context.error("item-0", "looked wrong before the failure");
            Object clientMessage = context.input().get("client_message");
            if (clientMessage != null) {
                throw new BadRequestException(clientMessage.toString());
            }
            throw new IllegalStateException(SECRET_DETAIL);
        });
    }

    @Bean
    TaskHandler blockingTaskHandler() {
        return handler("test.block-until-released", context -> {
            Map<String, Object> input = context.input();
            int blockAttempts = ((Number) input.getOrDefault("block_attempts", Integer.MAX_VALUE)).intValue();
            boolean interruptible = !Boolean.FALSE.equals(input.get("interruptible"));
            context.progress(1, 2);
            if (context.attempt() <= blockAttempts) {
                CountDownLatch gate = gate(String.valueOf(input.get("gate")));
                if (interruptible) {
                    gate.await();
                } else {
                    awaitIgnoringInterrupts(gate);
                }
            }
            context.progress(2, 2);
            return Map.of("attempt", context.attempt());
        });
    }

    private static void awaitIgnoringInterrupts(CountDownLatch gate) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (gate.await(100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException ignored) {
                // As a thread stuck in a blocking call would: the interrupt changes nothing.
            }
        }
    }

    interface Work {
        Map<String, Object> run(TaskContext context) throws Exception;
    }

    private static TaskHandler handler(String kind, Work work) {
        return new TaskHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Map<String, Object> run(TaskContext context) throws Exception {
                return work.run(context);
            }
        };
    }
}
