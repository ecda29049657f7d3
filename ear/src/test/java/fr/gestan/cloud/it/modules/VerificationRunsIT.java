package fr.gestan.cloud.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.it.support.Deployments;
import fr.gestan.cloud.it.support.WithRoleCallers;
import fr.gestan.cloud.security.api.JournalIntegrity;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.security.api.JournalVerifier.Result;
import fr.gestan.cloud.security.api.VerificationProgress;
import fr.gestan.cloud.security.api.VerificationRunView;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journal verifications are stored runs (issue 17 item 12): a run outlives the page that started it, and a run cut
 * short by its server stopping is marked interrupted within a minute, journaled, instead of vanishing.
 */
@ExtendWith(ArquillianExtension.class)
class VerificationRunsIT extends WithRoleCallers {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.modules(VerificationRunsIT.class, "gestan-tenants.jar");
    }

    @EJB
    JournalIntegrity integrity;
    @EJB
    JournalQuery journal;

    @Resource(lookup = "java:jboss/datasources/GestanDS")
    DataSource dataSource;

    @Test
    void a_verification_is_stored_with_its_starter_and_outcome() throws Exception {
        Result result = auditor.call(() -> integrity.verify(new VerificationProgress()));
        VerificationRunView run = admin.call(() -> integrity.lastVerification()).orElseThrow();
        assertEquals(VerificationRunView.COMPLETED, run.state());
        assertEquals("auditor.it", run.startedBy());
        assertEquals(result.ok(), run.intact());
        assertNotNull(run.endedAt());
        assertEquals(100, run.percent());
    }

    @Test
    void a_verification_cut_short_by_its_server_stopping_is_marked_interrupted_within_a_minute() throws Exception {
        // What the database holds after a crash mid-verification: a running run whose heartbeat stopped.
        OffsetDateTime stopped = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2);
        long runId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement run = c.prepareStatement("insert into journal_verification_run (started_by, started_at, heartbeat_at,"
                     + " state, total, checked) values ('admin.it', ?, ?, 'RUNNING', 1000000, 420000)", new String[] {"id"})) {
            run.setObject(1, stopped.minusMinutes(1));
            run.setObject(2, stopped);
            run.executeUpdate();
            try (ResultSet key = run.getGeneratedKeys()) {
                assertTrue(key.next());
                runId = key.getLong(1);
            }
        }
        VerificationRunView seen = null;
        for (long deadline = System.nanoTime() + 40_000_000_000L; System.nanoTime() < deadline; Thread.sleep(1000)) {
            seen = admin.call(() -> integrity.lastVerification()).orElseThrow();
            if (seen.id() == runId && !seen.running()) {
                break;
            }
        }
        assertEquals(runId, seen.id());
        assertEquals(VerificationRunView.INTERRUPTED, seen.state(), "marked by the sweep (every 15 s) once 45 s without heartbeat");
        assertEquals(420000, seen.checked());
        String target = "run " + runId;
        assertTrue(auditor.call(() -> journal.latest(50)).stream().anyMatch(e -> e.action().equals("JOURNAL_VERIFIED")
                && target.equals(e.target()) && String.valueOf(e.reason()).startsWith("interrupted")
                && String.valueOf(e.reason()).contains("checked 420000 of 1000000")));
    }
}
