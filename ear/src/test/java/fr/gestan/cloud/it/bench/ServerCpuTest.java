package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCpuTest {

    @Test
    void threads_are_grouped_by_what_they_do_in_the_batch() {
        Map<String, String> expected = Map.of(
                "EE-ManagedExecutorService-default-Thread-3", "workers",
                "default task-12", "loop",
                "EJB default - 4", "page stores",
                "EE-ManagedThreadFactory-default-Thread-1", "outbox sender and pollers",
                "EE-ManagedScheduledExecutorService-default-Thread-2", "outbox sender and pollers",
                "pool-7-thread-1", ServerCpu.OTHER_JAVA);
        expected.forEach((thread, group) -> assertEquals(group, ServerCpu.group(thread), thread));
    }

    @Test
    void cpu_per_unit_counts_each_thread_from_its_first_snapshot_and_leaves_the_rest_of_the_process_to_the_jvm() {
        ServerCpu.Snapshot before = new ServerCpu.Snapshot(10_000_000L,
                Map.of(1L, 2_000_000L, 2L, 1_000_000L), Map.of(1L, "workers", 2L, "loop"));
        // thread 3 started in between (all its CPU counts), thread 2 ended (its CPU is the process's, not a group's)
        ServerCpu.Snapshot after = new ServerCpu.Snapshot(50_000_000L,
                Map.of(1L, 22_000_000L, 3L, 4_000_000L), Map.of(1L, "workers", 3L, "outbox sender and pollers"));

        Map<String, Double> ms = ServerCpu.perUnit(before, after, 4);

        assertEquals(List.of("workers", "loop", "page stores", "outbox sender and pollers", ServerCpu.OTHER_JAVA, ServerCpu.JVM_OWN, "all"),
                List.copyOf(ms.keySet()));
        assertEquals(5.0, ms.get("workers"), 1e-9); // 20 ms over 4 units
        assertEquals(0.0, ms.get("loop"), 1e-9);
        assertEquals(1.0, ms.get("outbox sender and pollers"), 1e-9);
        assertEquals(10.0, ms.get("all"), 1e-9); // the process: 40 ms
        assertEquals(4.0, ms.get(ServerCpu.JVM_OWN), 1e-9); // 40 - 20 - 4
        assertTrue(ServerCpu.format(ms).startsWith("workers 5.00, loop 0.00, page stores 0.00"), ServerCpu.format(ms));
    }
}
