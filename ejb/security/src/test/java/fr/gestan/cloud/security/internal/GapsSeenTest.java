package fr.gestan.cloud.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sequencer's missing ids kept as runs: a gap of billions of ids is one run, passed in one step. */
class GapsSeenTest {

    @Test
    void a_gap_of_billions_of_ids_is_one_run_passed_once_its_timeout_is_over() {
        GapsSeen gaps = new GapsSeen();
        gaps.seenMissingBelow(5_000_000_000L, 1_000);
        assertEquals(1, gaps.runs());
        assertEquals(11, gaps.timedOutUpTo(11, 5_000_000_000L, 999), "within its timeout: the floor stays below it");
        assertEquals(5_000_000_000L, gaps.timedOutUpTo(11, 5_000_000_000L, 1_000), "timed out: passed whole");
        gaps.forgetBelow(5_000_000_001L);
        assertEquals(0, gaps.runs());
    }

    @Test
    void ids_seen_missing_later_keep_their_own_clock() {
        GapsSeen gaps = new GapsSeen();
        gaps.seenMissingBelow(100, 1_000);     // ids below 100 first seen missing at 1,000
        gaps.seenMissingBelow(80, 2_000);      // nothing new: already observed
        gaps.seenMissingBelow(200, 3_000);     // ids 100..199 first seen at 3,000
        assertEquals(2, gaps.runs());
        // At a deadline of 2,000 the ids below 100 have timed out, those from 100 on have not.
        assertEquals(100, gaps.timedOutUpTo(50, 150, 2_000));
        assertEquals(150, gaps.timedOutUpTo(50, 150, 3_000));
        // An id never observed is never passed.
        assertEquals(200, gaps.timedOutUpTo(150, 250, 10_000));
        gaps.forgetBelow(120);
        assertEquals(1, gaps.runs());
        assertEquals(120, gaps.timedOutUpTo(120, 150, 2_999), "the run from 100 keeps its time from 120 on");
        assertEquals(150, gaps.timedOutUpTo(120, 150, 3_000));
    }
}
