package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateBatchRunView;
import fr.gestan.cloud.compliance.api.CertificateBatchTally;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One certificate batch: who started it, its tally so far, and a heartbeat while its server works on it. */
@Entity
@Table(name = "certificate_batch_run")
@NamedQuery(name = CertificateBatchRun.NEWEST_FIRST, query = "select r from CertificateBatchRun r order by r.id desc")
@NamedQuery(name = CertificateBatchRun.STOPPED_BEATING, query = "select r from CertificateBatchRun r"
        + " where r.state = 'RUNNING' and r.heartbeatAt < :before order by r.id")
public class CertificateBatchRun {

    static final String NEWEST_FIRST = "CertificateBatchRun.newestFirst";
    static final String STOPPED_BEATING = "CertificateBatchRun.stoppedBeating";

    enum State { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "started_by", nullable = false, updatable = false, length = 100)
    private String startedBy;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;
    @Column(nullable = false, updatable = false)
    private long total;
    private int considered;
    private int issued;
    @Column(name = "already_valid")
    private int alreadyValid;
    @Column(name = "without_contract")
    private int withoutContract;
    private int refused;
    @Column(name = "refused_evidence")
    private int refusedEvidence;

    protected CertificateBatchRun() {
    }

    CertificateBatchRun(String startedBy, long total, Instant now) {
        this.startedBy = Objects.requireNonNull(startedBy);
        this.total = total;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.state = State.RUNNING;
    }

    Long id() {
        return id;
    }

    void progressed(CertificateBatchTally tally, Instant now) {
        requireRunning();
        count(tally);
        heartbeatAt = now;
    }

    void ended(boolean completed, CertificateBatchTally tally, Instant now) {
        requireRunning();
        count(tally);
        state = completed ? State.COMPLETED : State.FAILED;
        heartbeatAt = now;
        endedAt = now;
    }

    /** Its server stopped beating: the run will not finish. */
    void interrupted(Instant now) {
        requireRunning();
        state = State.INTERRUPTED;
        endedAt = now;
    }

    String summary() {
        return tally().summary();
    }

    CertificateBatchRunView toView() {
        return new CertificateBatchRunView(id == null ? 0 : id, state.name(), startedBy, startedAt, heartbeatAt, endedAt, total, tally());
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

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("batch run " + id + " is " + state);
        }
    }
}
