package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.VerificationRunView;
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
import java.util.Objects;

/** One journal verification: who started it, how far it went, its outcome, and a heartbeat while its server works. */
@Entity
@Table(name = "journal_verification_run")
@NamedQuery(name = VerificationRun.NEWEST_FIRST, query = "select r from VerificationRun r order by r.id desc")
@NamedQuery(name = VerificationRun.STOPPED_BEATING, query = "select r from VerificationRun r"
        + " where r.state = 'RUNNING' and r.heartbeatAt < :before order by r.id")
public class VerificationRun {

    static final String NEWEST_FIRST = "VerificationRun.newestFirst";
    static final String STOPPED_BEATING = "VerificationRun.stoppedBeating";
    private static final int DETAIL_LENGTH = 500;

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
    private long total;
    private long checked;
    private Boolean intact;
    @Column(length = 40)
    private String problem;
    private Long position;
    @Column(length = DETAIL_LENGTH)
    private String detail;

    protected VerificationRun() {
    }

    VerificationRun(String startedBy, Instant now) {
        this.startedBy = Objects.requireNonNull(startedBy);
        this.startedAt = now;
        this.heartbeatAt = now;
        this.state = State.RUNNING;
    }

    Long id() {
        return id;
    }

    void progressed(long checkedSoFar, long totalEntries, Instant now) {
        requireRunning();
        checked = checkedSoFar;
        total = totalEntries;
        heartbeatAt = now;
    }

    void completed(JournalVerifier.Result result, Instant now) {
        requireRunning();
        state = State.COMPLETED;
        checked = Math.max(checked, result.entriesChecked());
        intact = result.ok();
        if (!result.ok()) {
            problem = result.problem() == null ? null : result.problem().name();
            position = result.seq();
            detail = shortened(result.detail());
        }
        heartbeatAt = now;
        endedAt = now;
    }

    /** It could not run to its end (the journal could not be read): no outcome. */
    void failed(String why, Instant now) {
        requireRunning();
        state = State.FAILED;
        detail = shortened(why);
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
        return "checked " + checked + " of " + total + ", started by " + startedBy;
    }

    VerificationRunView toView() {
        return new VerificationRunView(id == null ? 0 : id, state.name(), startedBy, startedAt, endedAt, total, checked, intact,
                problem, position, detail);
    }

    private static String shortened(String text) {
        return text == null || text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("verification run " + id + " is " + state);
        }
    }
}
