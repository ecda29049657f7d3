package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.VerificationRunView;
import fr.gestan.cloud.common.runs.RunState;
import fr.gestan.cloud.common.runs.StoredRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One journal verification: who started it, how far it went, its outcome, and a heartbeat while its server works. */
@Entity
@Table(name = "journal_verification_run")
public class VerificationRun extends StoredRun {

    private static final int DETAIL_LENGTH = 500;

    private long total;
    private long checked;
    private Boolean intact;
    private String problem;
    private Long position;
    @Column(length = DETAIL_LENGTH)
    private String detail;

    protected VerificationRun() {
    }

    VerificationRun(String startedBy, Instant now) {
        super(startedBy, now);
    }

    void progressed(long checkedSoFar, long totalEntries, Instant now) {
        beat(now);
        checked = checkedSoFar;
        total = totalEntries;
    }

    void completed(JournalVerifier.Result result, Instant now) {
        end(RunState.COMPLETED, now);
        checked = Math.max(checked, result.entriesChecked());
        intact = result.ok();
        if (!result.ok()) {
            problem = result.problem() == null ? null : result.problem().name();
            position = result.seq();
            detail = shortened(result.detail());
        }
    }

    /** It could not run to its end (the journal could not be read): no outcome. */
    void failed(String why, Instant now) {
        end(RunState.FAILED, now);
        detail = shortened(why);
    }

    String summary() {
        return "checked " + checked + " of " + total + ", started by " + startedBy();
    }

    VerificationRunView toView() {
        return new VerificationRunView(id() == null ? 0 : id(), state().name(), startedBy(), startedAt(), endedAt(), total, checked, intact,
                problem, position, detail);
    }

    private static String shortened(String text) {
        return text == null || text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH - 1) + "…";
    }

}
