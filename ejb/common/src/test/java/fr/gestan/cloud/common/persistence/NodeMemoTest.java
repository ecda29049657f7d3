package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The kept value: computed once per window, at once after a write, and ahead of the requests by a timer's calls. */
class NodeMemoTest {

    private static final long WINDOW = 1_000; // wide: the sleeps below run on a loaded machine

    private final AtomicInteger computed = new AtomicInteger();
    private final Supplier<Integer> compute = computed::incrementAndGet;

    @Test
    void a_value_is_computed_once_per_window_and_again_after_a_write() throws InterruptedException {
        NodeMemo<Integer> memo = new NodeMemo<>(WINDOW);
        assertEquals(1, memo.get(compute));
        assertEquals(1, memo.get(compute));
        memo.changed();
        assertEquals(2, memo.get(compute), "void at once by this node's write");
        Thread.sleep(WINDOW + 50);
        assertEquals(3, memo.get(compute), "out of its window");
    }

    @Test
    void a_timer_computes_ahead_a_value_requests_read_so_that_the_next_request_does_not() throws InterruptedException {
        NodeMemo<Integer> memo = new NodeMemo<>(WINDOW);
        assertEquals(1, memo.get(compute)); // a request
        NodeMemo.ahead(() -> memo.get(compute));
        assertEquals(1, computed.get(), "not computed ahead before half its window");
        Thread.sleep(WINDOW / 2 + 50);
        NodeMemo.ahead(() -> memo.get(compute));
        assertEquals(2, computed.get(), "past half its window: computed ahead");
        Thread.sleep(WINDOW / 2 + 10); // the first value's window is over, not the one computed ahead
        assertEquals(2, memo.get(compute), "the request reads what the timer computed");
        assertEquals(2, computed.get());
    }

    @Test
    void a_value_no_request_reads_is_not_computed_ahead() throws InterruptedException {
        NodeMemo<Integer> memo = new NodeMemo<>(WINDOW);
        NodeMemo.ahead(() -> memo.get(compute)); // none yet: computed once
        Thread.sleep(WINDOW + 50);
        NodeMemo.ahead(() -> memo.get(compute));
        assertEquals(1, computed.get(), "no request read it: the timer leaves it");
        assertEquals(2, memo.get(compute), "a request computes it as before");
    }

    @Test
    void a_value_void_by_a_write_is_computed_by_the_timer_too() {
        NodeMemo<Integer> memo = new NodeMemo<>(WINDOW);
        memo.get(compute);
        memo.changed();
        NodeMemo.ahead(() -> memo.get(compute));
        assertEquals(2, computed.get());
        assertEquals(2, memo.get(compute), "the request does not compute it again");
    }

    @Test
    void kept_until_its_own_write_or_a_sources_write() {
        WriteGeneration source = new WriteGeneration();
        NodeMemo<Integer> memo = new NodeMemo<>(60_000, source);
        assertEquals(1, memo.get(computed::incrementAndGet));
        assertEquals(1, memo.get(computed::incrementAndGet));

        source.changed(); // another module's entity written
        assertEquals(2, memo.get(computed::incrementAndGet));
        assertEquals(2, memo.get(computed::incrementAndGet));

        memo.changed();
        assertEquals(3, memo.get(computed::incrementAndGet));
    }

    @Test
    void computed_anew_once_its_window_is_past() {
        NodeMemo<Integer> memo = new NodeMemo<>(0);
        assertEquals(1, memo.get(computed::incrementAndGet));
        assertEquals(2, memo.get(computed::incrementAndGet));
    }
}
