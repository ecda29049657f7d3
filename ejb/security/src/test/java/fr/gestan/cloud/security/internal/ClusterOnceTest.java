package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.common.lease.ClusterOnce;
import fr.gestan.cloud.common.lease.OncePerCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timers marked {@link OncePerCluster} run their body on one node at a time: two holders (two nodes) going through
 * {@link ClusterOnce} with the real {@link ClusterLeasesBean} over the {@code singleton_lease} table (H2, the module's
 * migrations) never both run, the holder keeps the work while it renews, and the other takes over once the lease
 * expires.
 */
class ClusterOnceTest {

    private LogDatabase db;
    private ClusterLeasesBean leases;

    @BeforeEach
    void database() throws Exception {
        db = LogDatabase.h2().migrate("V1", "V2", "V7", "V19", "V20");
        leases = leasesOver(db.url);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void two_nodes_firing_the_same_timer_at_once_run_it_on_one_only() throws Exception {
        int rounds = 40;
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger inBody = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = List.of("node-a", "node-b").stream().map(node -> nodes.submit(() -> {
                runs.put(node, new AtomicInteger());
                start.await();
                for (int i = 0; i < rounds; i++) {
                    ClusterOnce.runHolding(leases, node, rule("daily"), () -> {
                        if (inBody.incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        runs.get(node).incrementAndGet();
                        inBody.decrementAndGet();
                        return null;
                    });
                }
                return null;
            })).<Future<?>>map(f -> f).toList();
            Thread.sleep(50); // both threads registered and waiting
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        int a = runs.get("node-a").get();
        int b = runs.get("node-b").get();
        assertEquals(0, overlaps.get(), "the two nodes ran the body at the same time");
        assertTrue(a == 0 || b == 0, "both nodes ran the timer's body: node-a " + a + ", node-b " + b);
        assertEquals(rounds, a + b, "the holder runs every round of its own, renewing the lease");
    }

    @Test
    void the_other_node_takes_over_once_the_holder_stops_renewing() throws Exception {
        OncePerCluster oneSecond = rule("daily");
        assertEquals("ran", ClusterOnce.runHolding(leases, "node-a", oneSecond, () -> "ran"));
        assertNull(ClusterOnce.runHolding(leases, "node-b", oneSecond, () -> "ran"), "node-a holds the lease");
        assertEquals("ran", ClusterOnce.runHolding(leases, "node-a", oneSecond, () -> "ran"), "the holder renews it");
        Thread.sleep(1_100); // node-a dies: its lease (1 s) runs out
        assertEquals("ran", ClusterOnce.runHolding(leases, "node-b", oneSecond, () -> "ran"), "node-b takes over");
        assertNull(ClusterOnce.runHolding(leases, "node-a", oneSecond, () -> "ran"), "node-a, back, waits its turn");
    }

    @Test
    void different_leases_are_independent() throws Exception {
        assertEquals("ran", ClusterOnce.runHolding(leases, "node-a", rule("daily"), () -> "ran"));
        assertEquals("ran", ClusterOnce.runHolding(leases, "node-b", rule("other"), () -> "ran"));
    }

    @Test
    void an_unreachable_lease_table_skips_the_round_instead_of_running_everywhere() throws Exception {
        ClusterLeasesBean unreachable = leasesOver("jdbc:h2:mem:nowhere" + System.nanoTime() + ";IFEXISTS=TRUE");
        AtomicInteger ran = new AtomicInteger();
        assertNull(ClusterOnce.runHolding(unreachable, "node-a", rule("daily"), ran::incrementAndGet));
        assertEquals(0, ran.get());
    }

    private static ClusterLeasesBean leasesOver(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("sa");
        ClusterLeasesBean bean = new ClusterLeasesBean();
        bean.dataSource = h2;
        return bean;
    }

    private static OncePerCluster rule(String which) throws NoSuchMethodException {
        return ClusterOnceTest.class.getDeclaredMethod(which).getAnnotation(OncePerCluster.class);
    }

    @OncePerCluster(lease = "test-daily", holdSeconds = 1)
    private static void daily() {
    }

    @OncePerCluster(lease = "test-other", holdSeconds = 1)
    private static void other() {
    }
}
