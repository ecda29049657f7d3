package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.CertificateBatch;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.web.progress.BackgroundWork;
import fr.gestan.cloud.web.progress.Progress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The certificate batch of this server, kept beyond the page that started it: a batch over thousands of tenants
 * takes minutes, and every member of staff opening the certificates page sees the one running (or the last one)
 * with its progress and tally.
 */
@ApplicationScoped
public class CertificateBatchRuns {

    /** One batch: its progress, its running tally, who started it and when. */
    public static final class Run {
        private final Progress progress;
        private final AtomicReference<CertificateBatchTally> tally;
        private final String startedBy;
        private final Instant startedAt;

        Run(Progress progress, AtomicReference<CertificateBatchTally> tally, String startedBy, Instant startedAt) {
            this.progress = progress;
            this.tally = tally;
            this.startedBy = startedBy;
            this.startedAt = startedAt;
        }

        public Progress getProgress() {
            return progress;
        }

        public CertificateBatchTally getTally() {
            return tally.get();
        }

        public String getStartedBy() {
            return startedBy;
        }

        public Instant getStartedAt() {
            return startedAt;
        }
    }

    @EJB
    CertificateBatch batch;
    @Inject
    BackgroundWork work;

    private Run current;

    public synchronized Run current() {
        return current;
    }

    /** Starts a batch as the caller; returns null when one is already running (see {@link #current()}). */
    public synchronized Run start(String caller) {
        if (current != null && current.progress.isRunning()) {
            return null;
        }
        long candidates = batch.candidates();
        AtomicReference<CertificateBatchTally> tally = new AtomicReference<>(CertificateBatchTally.NONE);
        Progress progress = work.start("certificate batch", p -> {
            p.total(candidates);
            batch.run(t -> {
                tally.set(t);
                p.advance(t.considered() - p.getDone());
            });
        });
        current = new Run(progress, tally, caller, Instant.now());
        return current;
    }
}
