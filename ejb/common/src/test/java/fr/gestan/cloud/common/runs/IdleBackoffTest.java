package fr.gestan.cloud.common.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleBackoffTest {

    @Test
    void emptyRoundsDoubleTheWaitUpToTheCeiling() {
        IdleBackoff backoff = new IdleBackoff(50, 400);
        assertEquals(50, backoff.waitMs());
        long[] expected = {100, 200, 400, 400, 400};
        for (long wait : expected) {
            backoff.ran(false, 0);
            assertEquals(wait, backoff.waitMs());
        }
    }

    @Test
    void aRoundWithWorkComesBackToThePeriod() {
        IdleBackoff backoff = new IdleBackoff(50, 400);
        for (int i = 0; i < 10; i++) {
            backoff.ran(false, 1_000);
        }
        backoff.ran(true, 2_000);
        assertEquals(50, backoff.waitMs());
        assertTrue(backoff.due(2_050), "the loop's next round, one period later, runs");
    }

    @Test
    void roundsInsideTheWaitAreSkipped() {
        IdleBackoff backoff = new IdleBackoff(50, 400);
        assertTrue(backoff.due(0), "the first round runs");
        backoff.ran(false, 1_000); // wait 100 ms: the loop's next round (1,050) is skipped, the one after runs
        assertFalse(backoff.due(1_050));
        assertTrue(backoff.due(1_099), "a round a millisecond early still runs");
        assertTrue(backoff.due(1_100));
        backoff.ran(false, 1_100); // wait 200 ms
        assertFalse(backoff.due(1_150));
        assertFalse(backoff.due(1_250));
        assertTrue(backoff.due(1_300));
        for (int i = 0; i < 5; i++) {
            backoff.ran(false, 5_000); // at the ceiling
        }
        assertFalse(backoff.due(5_350));
        assertTrue(backoff.due(5_400), "never more than the ceiling between two rounds");
    }

    @Test
    void aCeilingBelowThePeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdleBackoff(50, 40));
        assertThrows(IllegalArgumentException.class, () -> new IdleBackoff(0, 40));
    }
}
