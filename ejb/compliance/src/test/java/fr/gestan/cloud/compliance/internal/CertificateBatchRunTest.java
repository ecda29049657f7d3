package fr.gestan.cloud.compliance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
