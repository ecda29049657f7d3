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
@NamedQuery(name = CertificateBatchRun.PAGE, query = "select r.tenantSiren, case when exists (select c.id from CertificateRecord c"
        + " where c.tenantSiren = r.tenantSiren and c.revokedAt is null and c.validUntil > :now) then true else false end"
        + " from StoredReport r where r.blockingRules = '' and r.tenantSiren > :after"
        + " and exists (select b.id from CertificateBatchRun b where b.id = :run and b.state = 'RUNNING'"
        + " and (b.worker = :worker or b.worker is null)) order by r.tenantSiren")
public class CertificateBatchRun extends StoredRun {

    /**
     * A page of the batch in one statement: the SIRENs of the tenants without a blocking rule after {@code :after} in
     * SIREN order (keyset paging), each with whether it holds a valid certificate now, and only while the loop
     * {@code :worker} works on the run {@code :run} (none once another took it over). Three statements a page before
     * (the candidates, the holders, the loop's check; docs/performance.md, 4.63).
     */
    static final String PAGE = "CertificateBatchRun.page";


    @Column(updatable = false)
    private long total;
    private int considered;
    private int issued;
    private int alreadyValid;
    private int withoutContract;
    private int refused;
    private int refusedEvidence;
    /** The keyset position after the last committed page ('' before the first); null in runs stored before V16. */
    @Column(name = "next_after", length = 20)
    private String nextAfter;
    /** The node working on the run: the one that started it, then the one that took it over. */
    @Column(name = "node_name", length = 200)
    private String nodeName;
    /** The token of the loop working on the run (one per start or takeover): the one allowed to commit its pages. */
    @Column(length = 64)
    private String worker;
    private int resumes;

    protected CertificateBatchRun() {
    }

    CertificateBatchRun(String startedBy, long total, Instant now) {
        this(startedBy, total, now, null);
    }

    CertificateBatchRun(String startedBy, long total, Instant now, String nodeName) {
        this(startedBy, total, now, nodeName, null);
    }

    CertificateBatchRun(String startedBy, long total, Instant now, String nodeName, String worker) {
        super(startedBy, now);
        this.total = total;
        this.nextAfter = "";
        this.nodeName = nodeName;
        this.worker = worker;
    }

    void progressed(CertificateBatchTally tally, Instant now) {
        beat(now);
        count(tally);
    }

    /** A page committed: its tally and the position after it, from where another node would resume. */
    void progressed(CertificateBatchTally tally, String after, Instant now) {
        progressed(tally, now);
        nextAfter = after;
    }

    /**
     * Whether another node can carry the run on from its last committed page: it records its position (runs stored
     * before V16 do not, unless they had not committed a page yet).
     */
    boolean resumable() {
        return nextAfter != null || considered == 0;
    }

    /** Taken over by {@code node} after its own node stopped beating: it carries on from {@link #nextAfter()}. */
    void takenOver(String node, Instant now) {
        takenOver(node, null, now);
    }

    /** Taken over by the loop {@code worker} of {@code node}: only that loop may commit its pages from now on. */
    void takenOver(String node, String worker, Instant now) {
        beat(now);
        nodeName = node;
        this.worker = worker;
        resumes++;
        if (nextAfter == null) {
            nextAfter = "";
        }
    }

    String nextAfter() {
        return nextAfter;
    }

    String nodeName() {
        return nodeName;
    }

    /** Whether the loop {@code worker} still works on the run (a run stored without a token: any). */
    boolean workedBy(String worker) {
        return state() == fr.gestan.cloud.common.runs.RunState.RUNNING && (this.worker == null || this.worker.equals(worker));
    }

    int resumes() {
        return resumes;
    }

    /** The tally so far, as stored (the refused SIRENs are not: they are listed by the journal's refusals). */
    CertificateBatchTally storedTally() {
        return tally();
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
                total, tally(), nodeName, resumes);
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
