package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import fr.gestan.cloud.common.runs.RunState;
import fr.gestan.cloud.common.runs.StoredRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One certificate batch: who started it, its tally so far, and a heartbeat while its server works on it. */
@Entity
@Table(name = "certificate_batch_run")
@NamedQuery(name = CertificateBatchRun.NEWEST_FIRST, query = "select r from CertificateBatchRun r order by r.id desc")
@NamedQuery(name = CertificateBatchRun.STOPPED_BEATING, query = "select r from CertificateBatchRun r"
        + " where r.state = 'RUNNING' and r.heartbeatAt < :before order by r.id")
public class CertificateBatchRun extends StoredRun {

    static final String NEWEST_FIRST = "CertificateBatchRun.newestFirst",
            STOPPED_BEATING = "CertificateBatchRun.stoppedBeating";

    @Column(updatable = false)
    private long total;
    private int considered;
    private int issued;
    private int alreadyValid;
    private int withoutContract;
    private int refused;
    private int refusedEvidence;

    protected CertificateBatchRun() {
    }

    CertificateBatchRun(String startedBy, long total, Instant now) {
        super(startedBy, now);
        this.total = total;
    }

    void progressed(CertificateBatchTally tally, Instant now) {
        beat(now);
        count(tally);
    }

    void ended(boolean completed, CertificateBatchTally tally, Instant now) {
        end(completed ? RunState.COMPLETED : RunState.FAILED, now);
        count(tally);
    }

    String summary() {
        return tally().summary();
    }

    CertificateBatchRunView toView() {
        return new CertificateBatchRunView(id() == null ? 0 : id(), state().name(), startedBy(), startedAt(), heartbeatAt(), endedAt(),
                total, tally());
    }

    private CertificateBatchTally tally() {
        return new CertificateBatchTally(considered, issued, alreadyValid, withoutContract, refused, List.of(), refusedEvidence);
    }

    private void count(CertificateBatchTally tally) {
        considered = tally.considered();
        issued = tally.issued();
        alreadyValid = tally.alreadyValid();
        withoutContract = tally.withoutContract();
        refused = tally.refused();
        refusedEvidence = tally.refusedEvidence();
    }

}
