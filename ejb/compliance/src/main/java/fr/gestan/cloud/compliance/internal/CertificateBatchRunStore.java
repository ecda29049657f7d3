package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchRunningException;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The stored state of certificate batches, each change in its own transaction so that the batch's progress is seen
 * by every node while it runs. One batch at a time across nodes: a run holds the single slot row while it beats; a
 * run whose heartbeat stopped for {@link #STALE} (its server crashed or was stopped) is marked interrupted by any
 * node's sweep, journaled, and frees the slot.
 */
@Stateless
@PermitAll // internal: its callers (the batch, the timer) are the module's own
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CertificateBatchRunStore extends ComplianceServiceBase {

    /** Without a heartbeat for this long a run is over: the batch beats at each page (about every 2 s). */
    static final Duration STALE = Duration.ofSeconds(45);
    private static final Logger LOG = Logger.getLogger(CertificateBatchRunStore.class.getName());

    /** Takes the slot for a new run, or refuses while another run beats. */
    public long begin(String startedBy, long total) throws CertificateBatchRunningException {
        Instant now = clock.instant();
        CertificateBatchRun run = new CertificateBatchRun(startedBy, total, now);
        em.persist(run);
        em.flush();
        int taken = em.createNativeQuery("update certificate_batch_slot set run_id = ?1, heartbeat_at = ?2"
                        + " where id = 1 and (run_id is null or heartbeat_at < ?3)")
                .setParameter(1, run.id()).setParameter(2, now).setParameter(3, now.minus(STALE)).executeUpdate();
        if (taken == 0) {
            throw new CertificateBatchRunningException(); // rolls the new row back
        }
        return run.id();
    }

    public void progressed(long runId, CertificateBatchTally tally) {
        Instant now = clock.instant();
        em.find(CertificateBatchRun.class, runId).progressed(tally, now);
        beat(runId, now);
    }

    public void ended(long runId, boolean completed, CertificateBatchTally tally) {
        em.find(CertificateBatchRun.class, runId).ended(completed, tally, clock.instant());
        em.createNativeQuery("update certificate_batch_slot set run_id = null, heartbeat_at = null where id = 1 and run_id = ?1")
                .setParameter(1, runId).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CertificateBatchRunView> last() {
        return em.createNamedQuery(CertificateBatchRun.NEWEST_FIRST, CertificateBatchRun.class).setMaxResults(1)
                .getResultStream().findFirst().map(CertificateBatchRun::toView);
    }

    /**
     * Marks interrupted the runs that stopped beating ({@link CertificateBatchJob} calls it on every node every 15 s:
     * at most {@code STALE} + 15 s after their server stopped, so within a minute of a restart), each with a journal
     * entry that says how far it went.
     */
    public void sweep() {
        Instant now = clock.instant();
        for (CertificateBatchRun run : em.createNamedQuery(CertificateBatchRun.STOPPED_BEATING, CertificateBatchRun.class)
                .setParameter("before", now.minus(STALE)).getResultList()) {
            run.interrupted(now);
            em.createNativeQuery("update certificate_batch_slot set run_id = null, heartbeat_at = null where id = 1 and run_id = ?1")
                    .setParameter(1, run.id()).executeUpdate();
            journal.record(new JournalEvent(CertificateBatchJob.BATCH, null, null, JournalEvent.Outcome.FAILURE,
                    "interrupted (its server stopped): " + run.summary()));
            LOG.warning("Certificate batch " + run.id() + " was cut short (its server stopped): marked interrupted, " + run.summary());
        }
    }

    private void beat(long runId, Instant now) {
        em.createNativeQuery("update certificate_batch_slot set heartbeat_at = ?1 where id = 1 and run_id = ?2")
                .setParameter(1, now).setParameter(2, runId).executeUpdate();
    }
}
