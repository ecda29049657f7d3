package fr.gestan.cloud.common.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingTest {

    private static final String PROPERTY = "gestan.test.polling-ms";
    private ScheduledExecutorService polling;

    @AfterEach
    void shutdown() {
        System.clearProperty(PROPERTY);
        Polling.stop(polling);
    }

    @Test
    void rounds_repeat_at_the_default_period_until_stopped() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        polling = Polling.start(Thread::new, PROPERTY, 10, three::countDown);
        assertTrue(three.await(5, TimeUnit.SECONDS), "three rounds");
        Polling.stop(polling);
        assertTrue(polling.isTerminated());
    }

    @Test
    void the_property_sets_the_period() throws Exception {
        System.setProperty(PROPERTY, "20");
        CountDownLatch two = new CountDownLatch(2);
        long start = System.nanoTime();
        polling = Polling.start(Thread::new, PROPERTY, 3_600_000, two::countDown);
        assertTrue(two.await(5, TimeUnit.SECONDS), "two rounds at 20 ms, not one an hour");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40), "the first round after one period, the second after two");
    }

    @Test
    void zero_or_less_starts_nothing_and_stopping_nothing_is_harmless() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger made = new AtomicInteger();
        for (String off : new String[] {"0", "-1"}) {
            System.setProperty(PROPERTY, off);
            ScheduledExecutorService none = Polling.start(r -> {
                made.incrementAndGet();
                return new Thread(r);
            }, PROPERTY, 10, rounds::incrementAndGet);
            assertNull(none);
            Polling.stop(none);
        }
        Thread.sleep(50);
        assertEquals(0, rounds.get());
        assertEquals(0, made.get(), "no thread made");
    }

    /** Not the managed scheduler: WildFly refuses its periodic rounds with an ERROR each while the server suspends. */
    @Test
    void rounds_run_on_one_thread_of_the_given_factory_and_go_on_after_a_failing_round() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory threads = r -> {
            made.incrementAndGet();
            return new Thread(r, "polling-test");
        };
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        AtomicBoolean elsewhere = new AtomicBoolean();
        polling = Polling.start(threads, PROPERTY, 10, () -> {
            if (!Thread.currentThread().getName().equals("polling-test")) {
                elsewhere.set(true);
            }
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the first round fails");
            }
            if (rounds.get() == 3) {
                third.countDown();
            }
        });
        assertTrue(third.await(5, TimeUnit.SECONDS), "the rounds after a failing one still run");
        assertEquals(1, made.get(), "one thread, from the factory");
        assertFalse(elsewhere.get(), "every round on the factory's thread");
    }

    @Test
    void stopping_waits_for_the_round_under_way_and_runs_no_more() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        polling = Polling.start(Thread::new, PROPERTY, 10, () -> {
            rounds.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ended.incrementAndGet();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        Polling.stop(polling);
        assertEquals(rounds.get(), ended.get(), "the round under way ended before stop returned");
        assertTrue(polling.isTerminated());
        int after = rounds.get();
        Thread.sleep(50);
        assertEquals(after, rounds.get(), "no round after stop");
    }
}
