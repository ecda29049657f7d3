package fr.gestan.cloud.common.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingTest {

    private static final String PROPERTY = "gestan.test.polling-ms";
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutdown() {
        System.clearProperty(PROPERTY);
        scheduler.shutdownNow();
    }

    @Test
    void rounds_repeat_at_the_default_period_until_stopped() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        ScheduledFuture<?> polling = Polling.start(scheduler, PROPERTY, 10, three::countDown);
        assertTrue(three.await(5, TimeUnit.SECONDS), "three rounds");
        Polling.stop(polling);
        assertTrue(polling.isCancelled());
    }

    @Test
    void the_property_sets_the_period() throws Exception {
        System.setProperty(PROPERTY, "20");
        CountDownLatch two = new CountDownLatch(2);
        long start = System.nanoTime();
        ScheduledFuture<?> polling = Polling.start(scheduler, PROPERTY, 3_600_000, two::countDown);
        assertTrue(two.await(5, TimeUnit.SECONDS), "two rounds at 20 ms, not one an hour");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "the first round after one period, the second after two");
        Polling.stop(polling);
    }

    @Test
    void zero_or_less_starts_nothing_and_stopping_nothing_is_harmless() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        for (String off : new String[] {"0", "-1"}) {
            System.setProperty(PROPERTY, off);
            ScheduledFuture<?> polling = Polling.start(scheduler, PROPERTY, 10, rounds::incrementAndGet);
            assertNull(polling);
            Polling.stop(polling);
        }
        Thread.sleep(50);
        assertEquals(0, rounds.get());
    }
}
