package fr.gestan.cloud.web.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void percent_follows_the_work_and_reaches_100_only_when_finished() {
        Progress p = new Progress(200);
        assertEquals(0, p.getPercent());
        p.advance(50);
        assertEquals(25, p.getPercent());
        p.advance(150);
        assertEquals(99, p.getPercent(), "all units done but not yet finished");
        p.succeed();
        assertEquals(100, p.getPercent());
        assertTrue(p.isSucceeded() && p.isFinished());
    }

    @Test
    void unknown_total_and_failure() {
        Progress p = new Progress();
        p.advance(10);
        assertEquals(0, p.getPercent());
        p.fail();
        assertTrue(p.isFailed());
        assertEquals(100, p.getPercent());
        assertThrows(IllegalArgumentException.class, () -> p.total(-1));
    }
}
