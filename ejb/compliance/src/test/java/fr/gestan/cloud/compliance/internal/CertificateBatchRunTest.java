package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateBatchRunTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void progress_keeps_the_tally_and_the_heartbeat() {
        CertificateBatchRun run = new CertificateBatchRun("support.demo", 10, START);
        CertificateBatchTally tally = CertificateBatchTally.NONE.withIssued().withAlreadyValid().withRefused("842317653");
        run.progressed(tally, START.plusSeconds(2));
        CertificateBatchRunView view = run.toView();
        assertEquals(CertificateBatchRunView.RUNNING, view.state());
        assertEquals(START.plusSeconds(2), view.heartbeatAt());
        assertEquals(3, view.tally().considered());
        assertEquals(1, view.tally().refused());
        assertTrue(view.running());
    }

    @Test
    void an_ended_or_interrupted_run_changes_no_more() {
        CertificateBatchRun completed = new CertificateBatchRun("support.demo", 1, START);
        completed.ended(true, CertificateBatchTally.NONE.withIssued(), START.plusSeconds(1));
        assertEquals("COMPLETED", completed.toView().state());
        assertEquals(START.plusSeconds(1), completed.toView().endedAt());
        assertThrows(IllegalStateException.class, () -> completed.interrupted(START.plusSeconds(60)));
        assertThrows(IllegalStateException.class, () -> completed.progressed(CertificateBatchTally.NONE, START.plusSeconds(2)));

        CertificateBatchRun cut = new CertificateBatchRun("admin.demo", 5, START);
        cut.interrupted(START.plusSeconds(60));
        assertTrue(cut.toView().interrupted());
        assertThrows(IllegalStateException.class, () -> cut.ended(true, CertificateBatchTally.NONE, START.plusSeconds(61)));
    }

    @Test
    void a_run_records_where_its_committed_pages_stopped_and_is_taken_over_from_there() {
        CertificateBatchRun run = new CertificateBatchRun("support.demo", 10, START, "node1", "loop-1");
        assertTrue(run.resumable(), "a new run can be resumed from its start");
        assertTrue(run.workedBy("loop-1"));
        assertEquals("", run.nextAfter());
        CertificateBatchTally tally = CertificateBatchTally.NONE.withIssued().withAlreadyValid();
        run.progressed(tally, "842317653", START.plusSeconds(2));
        assertEquals("842317653", run.nextAfter());

        run.takenOver("node2", "loop-2", START.plusSeconds(60));
        assertFalse(run.workedBy("loop-1"), "the loop taken for dead, if only slow, may commit nothing more");
        assertTrue(run.workedBy("loop-2"));
        CertificateBatchRunView view = run.toView();
        assertEquals("node2", view.node());
        assertEquals(1, view.resumes());
        assertEquals(START.plusSeconds(60), view.heartbeatAt(), "beats again, on its new node");
        assertTrue(view.running());
        assertEquals("842317653", run.nextAfter(), "carried on from the last committed page");
        assertEquals(2, run.storedTally().considered());
        assertEquals(1, run.storedTally().issued());
    }

    @Test
    void a_run_stored_before_positions_were_recorded_cannot_be_resumed_once_it_committed_a_page() {
        CertificateBatchRun legacy = new CertificateBatchRun("support.demo", 10, START);
        assertTrue(legacy.resumable());
        // as V16 finds a run stored before it: pages done, no position
        CertificateBatchRun stored = new CertificateBatchRun("support.demo", 10, START);
        stored.progressed(CertificateBatchTally.NONE.withIssued(), START.plusSeconds(1));
        setNextAfter(stored, null);
        assertFalse(stored.resumable(), "would look at its done pages again");
        CertificateBatchRun ended = new CertificateBatchRun("support.demo", 1, START, "node1");
        ended.ended(true, CertificateBatchTally.NONE.withIssued(), START.plusSeconds(1));
        assertThrows(IllegalStateException.class, () -> ended.takenOver("node2", START.plusSeconds(60)), "an ended run is not taken over");
        assertFalse(ended.workedBy(null), "nor worked on");
    }

    private static void setNextAfter(CertificateBatchRun run, String value) {
        try {
            var field = CertificateBatchRun.class.getDeclaredField("nextAfter");
            field.setAccessible(true);
            field.set(run, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
