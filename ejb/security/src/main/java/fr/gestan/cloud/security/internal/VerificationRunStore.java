package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.runs.StoredRun;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.VerificationRunView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The stored state of journal verifications, each change in its own transaction so that a run's progress is seen by
 * every node and outlives the page that started it. A run whose heartbeat stopped for {@link #STALE} (its server
 * crashed or was stopped) is marked interrupted by any node's sweep and journaled.
 */
@Stateless
@PermitAll // internal: its callers (the integrity bean, the sweep timer) are the module's own
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class VerificationRunStore extends SecurityServiceBase {

    /** Without a heartbeat for this long a run is over: a running verification beats every {@link #BEAT}. */
    static final Duration STALE = Duration.ofSeconds(45);
    static final Duration BEAT = Duration.ofSeconds(2);
    static final String INTERRUPTED_ACTION = "JOURNAL_VERIFIED";
    private static final Logger LOG = Logger.getLogger(VerificationRunStore.class.getName());

    public long begin(String startedBy) {
        VerificationRun run = new VerificationRun(startedBy, clock.instant());
        em.persist(run);
        em.flush();
        return run.id();
    }

    public void progressed(long runId, long checked, long total) {
        em.find(VerificationRun.class, runId).progressed(checked, total, clock.instant());
    }

    public void completed(long runId, JournalVerifier.Result result) {
        em.find(VerificationRun.class, runId).completed(result, clock.instant());
    }

    public void failed(long runId, String why) {
        em.find(VerificationRun.class, runId).failed(why, clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<VerificationRunView> last() {
        return StoredRun.newest(em, VerificationRun.class).map(VerificationRun::toView);
    }

    /**
     * Marks interrupted the runs that stopped beating ({@link VerificationRunSweep} calls it on every node every 15 s:
     * at most {@code STALE} + 15 s after their server stopped), each with a journal entry that says how far it went.
     */
    public void sweep() {
        Instant now = clock.instant();
        for (VerificationRun run : StoredRun.stoppedBeating(em, VerificationRun.class, now.minus(STALE))) {
            run.interrupted(now);
            journal.record(new JournalEvent(INTERRUPTED_ACTION, null, "run " + run.id(), JournalEvent.Outcome.FAILURE,
                    "interrupted (its server stopped): " + run.summary()));
            LOG.warning("Journal verification " + run.id() + " was cut short (its server stopped): marked interrupted, " + run.summary());
        }
    }
}
