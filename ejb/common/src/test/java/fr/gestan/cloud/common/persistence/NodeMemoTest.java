package fr.gestan.cloud.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeMemoTest {

    private final AtomicInteger computed = new AtomicInteger();

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
