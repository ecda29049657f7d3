package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.runs.StoredRun;
import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchRunningException;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The stored state of certificate batches, each change in its own transaction so that the batch's progress is seen
 * by every node while it runs. One batch at a time across nodes: a run holds the single slot row while it beats. A
 * run whose heartbeat stopped for {@link #stale()} (its server crashed or was stopped) is taken over by the node whose
 * sweep finds it ({@link #takeOver}), which carries it on from its last committed page; a run that cannot be resumed
 * (stored before V16 with pages done, or whose slot another run took meanwhile) is marked interrupted, journaled, and
 * frees the slot.
 */
@Stateless
@PermitAll // internal: its callers (the batch, the timer) are the module's own
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CertificateBatchRunStore extends ComplianceServiceBase {

    /** Without a heartbeat for this long a run's node is taken for dead: the batch beats at each page (about every 2 s). */
    static final Duration STALE = Duration.ofSeconds(45);
    static final String STALE_PROPERTY = "gestan.certificates.batch-stale-seconds";
    static final String STALE_ENV = "GESTAN_CERTIFICATES_BATCH_STALE_SECONDS";
    private static final Logger LOG = Logger.getLogger(CertificateBatchRunStore.class.getName());

    /** Where a run taken over stands: the position after its last committed page, its tally, when it started. */
    public record Resumed(long runId, String after, CertificateBatchTally tally, Instant startedAt, String previousNode) {
    }

    /** The node working on a run is no longer this one (another node took it over): this node stops, ending nothing. */
    @ApplicationException(rollback = true)
    public static class TakenOverException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TakenOverException(long runId, String node) {
            super("certificate batch " + runId + " was taken over by " + node);
        }
    }

    /**
     * The silence after which a run's node is taken for dead: {@value #STALE_PROPERTY} (system property) or
     * {@value #STALE_ENV}, in seconds, default 45 (several pages' time: a page beats about every 2 s).
     */
    static Duration stale() {
        String configured = System.getProperty(STALE_PROPERTY, System.getenv(STALE_ENV));
        try {
            return configured == null ? STALE : Duration.ofSeconds(Math.max(1, Long.parseLong(configured.strip())));
        } catch (NumberFormatException e) {
            LOG.warning(() -> STALE_PROPERTY + " is not a number: " + configured + "; using " + STALE.toSeconds() + " s");
            return STALE;
        }
    }

    /** Takes the slot for a new run, or refuses while another run beats. */
    public long begin(String startedBy, long total) throws CertificateBatchRunningException {
        return begin(startedBy, total, null, null);
    }

    /** Takes the slot for a new run worked on by the loop {@code worker} of {@code node}, or refuses while another run beats. */
    public long begin(String startedBy, long total, String node, String worker) throws CertificateBatchRunningException {
        Instant now = clock.instant();
        CertificateBatchRun run = new CertificateBatchRun(startedBy, total, now, node, worker);
        em.persist(run);
        em.flush();
        int taken = em.createNativeQuery("update certificate_batch_slot set run_id = ?1, heartbeat_at = ?2"
                        + " where id = 1 and (run_id is null or heartbeat_at < ?3)")
                .setParameter(1, run.id()).setParameter(2, now).setParameter(3, now.minus(stale())).executeUpdate();
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

    /**
     * A page committed by the loop {@code worker}: its tally, the position after it and a heartbeat, in one transaction;
     * refused ({@link TakenOverException}) when another loop took the run over meanwhile.
     */
    public void progressed(long runId, String worker, CertificateBatchTally tally, String after) {
        Instant now = clock.instant();
        CertificateBatchRun run = ownedBy(runId, worker);
        run.progressed(tally, after, now);
        beat(runId, now);
    }

    /**
     * In the caller's transaction (the batch's page): locks the run and refuses ({@link TakenOverException}) when the
     * loop {@code worker} no longer works on it, so that a page is never stored beside a takeover.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void claim(long runId, String worker) {
        ownedBy(runId, worker);
    }

    /** {@link #progressed(long, String, CertificateBatchTally, String)} in the caller's transaction: the page's own. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void progressedWithPage(long runId, String worker, CertificateBatchTally tally, String after) {
        progressed(runId, worker, tally, after);
    }

    /** Whether the loop {@code worker} still works on the run (checked before each issue, so that a loop taken for dead stops). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean works(long runId, String worker) {
        return em.createQuery("select count(r) from CertificateBatchRun r where r.id = :id and r.state = 'RUNNING'"
                        + " and (r.worker = :worker or r.worker is null)", Long.class)
                .setParameter("id", runId).setParameter("worker", worker).getSingleResult() > 0;
    }

    public void ended(long runId, boolean completed, CertificateBatchTally tally) {
        em.find(CertificateBatchRun.class, runId).ended(completed, tally, clock.instant());
        em.createNativeQuery("update certificate_batch_slot set run_id = null, heartbeat_at = null where id = 1 and run_id = ?1")
                .setParameter(1, runId).executeUpdate();
    }

    /** Ended by the loop {@code worker}; nothing (false) when another loop took it over meanwhile: that one ends it. */
    public boolean ended(long runId, String worker, boolean completed, CertificateBatchTally tally) {
        CertificateBatchRun run = em.find(CertificateBatchRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!run.workedBy(worker)) {
            return false;
        }
        ended(runId, completed, tally);
        return true;
    }

    /**
     * Takes over a run whose node stopped beating, for the loop {@code worker} of {@code node}: under the run's row lock,
     * its slot is taken by a conditional update (one node wins, and only while the run is still silent), then the run
     * names {@code node} and {@code worker} and counts the takeover, journaled. Empty when the run is no longer silent,
     * or was ended, or cannot be resumed (then it is marked interrupted).
     */
    public Optional<Resumed> takeOver(long runId, String node, String worker) {
        Instant now = clock.instant();
        CertificateBatchRun run = em.find(CertificateBatchRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.stoppedBeating(now.minus(stale()))) {
            return Optional.empty();
        }
        int taken = run.resumable() ? em.createNativeQuery("update certificate_batch_slot set heartbeat_at = ?1"
                        + " where id = 1 and run_id = ?2 and (heartbeat_at is null or heartbeat_at < ?3)")
                .setParameter(1, now).setParameter(2, runId).setParameter(3, now.minus(stale())).executeUpdate() : 0;
        if (taken == 0) {
            interrupt(run, now);
            return Optional.empty();
        }
        String previous = run.nodeName();
        CertificateBatchTally tally = run.storedTally();
        run.takenOver(node, worker, now);
        journal.record(new JournalEvent(CertificateBatchJob.BATCH, null, null, JournalEvent.Outcome.SUCCESS,
                "resumed on " + node + " (" + (previous == null ? "its server" : previous) + " stopped): " + run.summary()));
        LOG.warning("Certificate batch " + runId + " stopped beating on " + previous + ": resumed on " + node + " after "
                + run.summary());
        return Optional.of(new Resumed(runId, run.nextAfter(), tally, run.startedAt(), previous));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CertificateBatchRunView> last() {
        return StoredRun.newest(em, CertificateBatchRun.class).map(CertificateBatchRun::toView);
    }

    /**
     * The runs that stopped beating ({@link CertificateBatchJob} calls it every 15 s on the node holding the sweep's
     * lease: at most {@link #stale()} + 15 s after their server stopped): those that can be resumed are returned, for
     * the caller to take over ({@link #takeOver}); the others are marked interrupted, each with a journal entry that
     * says how far it went.
     */
    public List<Long> sweep() {
        Instant now = clock.instant();
        List<Long> resumable = new ArrayList<>();
        for (CertificateBatchRun run : StoredRun.stoppedBeating(em, CertificateBatchRun.class, now.minus(stale()))) {
            if (run.resumable()) {
                resumable.add(run.id());
                continue;
            }
            em.refresh(run, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE); // another node's sweep may be here too
            if (run.stoppedBeating(now.minus(stale()))) {
                interrupt(run, now);
            }
        }
        return resumable;
    }

    private void interrupt(CertificateBatchRun run, Instant now) {
        run.interrupted(now);
        em.createNativeQuery("update certificate_batch_slot set run_id = null, heartbeat_at = null where id = 1 and run_id = ?1")
                .setParameter(1, run.id()).executeUpdate();
        journal.record(new JournalEvent(CertificateBatchJob.BATCH, null, null, JournalEvent.Outcome.FAILURE,
                "interrupted (its server stopped): " + run.summary()));
        LOG.warning("Certificate batch " + run.id() + " was cut short (its server stopped): marked interrupted, " + run.summary());
    }

    private CertificateBatchRun ownedBy(long runId, String worker) {
        CertificateBatchRun run = em.find(CertificateBatchRun.class, runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!run.workedBy(worker)) {
            throw new TakenOverException(runId, run.nodeName());
        }
        return run;
    }

    private void beat(long runId, Instant now) {
        em.createNativeQuery("update certificate_batch_slot set heartbeat_at = ?1 where id = 1 and run_id = ?2")
                .setParameter(1, now).setParameter(2, runId).executeUpdate();
    }
}
