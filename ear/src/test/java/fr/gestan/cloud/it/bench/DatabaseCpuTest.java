package fr.gestan.cloud.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseCpuTest {

    @Test
    void a_backends_ticks_are_its_user_and_system_time() {
        String stat = "4242 (postgres) S 900 900 900 0 -1 4194560 1200 0 0 0 731 112 0 0 20 0 1 0 5000 224320000 39000 "
                + "18446744073709551615 1 1 0 0 0 0 4194304 19935232 1073745926 0 0 0 17 1 0 0 0 0 0";
        assertEquals(843, DatabaseCpu.ticks(stat));
        // a command with a space and a parenthesis in it
        assertEquals(843, DatabaseCpu.ticks(stat.replace("(postgres)", "(post gres) x)")));
    }

    @Test
    void cpu_per_unit_counts_each_backend_from_its_first_snapshot() {
        // backend 1 ran on, 3 started in between (all its time counts), 2 ended (lost)
        Map<Integer, Long> before = Map.of(1, 100L, 2, 50L);
        Map<Integer, Long> after = Map.of(1, 300L, 3, 40L);
        assertEquals(1200.0, DatabaseCpu.perUnit(before, after, 2), 1e-9); // 240 ticks = 2,400 ms over 2
        assertTrue(Double.isNaN(DatabaseCpu.perUnit(before, Map.of(), 2)), "nothing readable");
    }
}
