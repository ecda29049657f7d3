package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.MachineEvidence;
import fr.gestan.cloud.security.api.ServerControls.EvidenceView;
import fr.gestan.cloud.security.api.ServerControls.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One piece of evidence of a control on a server. Never changed once recorded. */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "control_evidence")
@NamedQuery(name = ControlEvidence.OF_SERVER, query = ControlEvidence.OF_ONE_SERVER + ControlEvidence.NEWEST_FIRST)
@NamedQuery(name = ControlEvidence.LATEST_OF_KIND, query = ControlEvidence.OF_ONE_SERVER + " and e.kind = :kind" + ControlEvidence.NEWEST_FIRST)
@NamedQuery(name = ControlEvidence.SERVERS_BACKUP_OVERDUE, query = "select e.serverRef from ControlEvidence e group by e.serverRef"
        + " having coalesce(max(case when " + ControlEvidence.VERIFIED_BACKUP + " then e.occurredAt end), :never) < :limit")
@NamedQuery(name = ControlEvidence.LATEST_OF_KIND_EVERY_SERVER,
        query = "select e from ControlEvidence e where e.kind = :kind and e.source in :sources and e.occurredAt = (select max(x.occurredAt)"
                + " from ControlEvidence x where x.serverRef = e.serverRef and x.kind = e.kind and x.source in :sources)"
                + ControlEvidence.EACH_SERVER_NEWEST_FIRST)
@NamedQuery(name = ControlEvidence.REPORTED_SINCE_EVERY_SERVER,
        query = "select e from ControlEvidence e where " + ControlEvidence.REPORTED_OF_KIND_SINCE
                + ControlEvidence.EACH_SERVER_NEWEST_FIRST)
@NamedQuery(name = ControlEvidence.NEWEST_PER_SOURCE_OF_SERVERS,
        query = "select e from ControlEvidence e where e.serverRef in :servers and e.kind in :kinds and e.occurredAt = (select max(x.occurredAt)"
                + " from ControlEvidence x where x.serverRef = e.serverRef and x.kind = e.kind and x.source = e.source)")
@NamedQuery(name = ControlEvidence.LATEST_VERIFIED_BACKUP_OF_SERVERS,
        query = "select e from ControlEvidence e where e.serverRef in :servers and " + ControlEvidence.VERIFIED_BACKUP
                + " and e.occurredAt = (select max(x.occurredAt) from ControlEvidence x where x.serverRef = e.serverRef and x.kind = 'BACKUP'"
                + " and x.verified = true)")
@NamedQuery(name = ControlEvidence.UPDATES_WITHOUT_SNAPSHOT_OF_SERVERS,
        query = "select e.serverRef, count(e) from ControlEvidence e where e.serverRef in :servers and " + ControlEvidence.UPDATE_WITHOUT_SNAPSHOT
                + " group by e.serverRef")
@NamedQuery(name = ControlEvidence.REPORTED_SINCE_OF_SERVERS,
        query = "select e from ControlEvidence e where e.serverRef in :servers and " + ControlEvidence.REPORTED_OF_KIND_SINCE
                + ControlEvidence.EACH_SERVER_NEWEST_FIRST)
@NamedQuery(name = ControlEvidence.SERVERS_UPDATE_WITHOUT_SNAPSHOT,
        query = "select distinct e.serverRef from ControlEvidence e where " + ControlEvidence.UPDATE_WITHOUT_SNAPSHOT)
public class ControlEvidence extends GeneratedId {

    static final String OF_SERVER = "ControlEvidence.ofServer", LATEST_OF_KIND = "ControlEvidence.latestOfKind",
            SERVERS_BACKUP_OVERDUE = "ControlEvidence.serversBackupOverdue",
            SERVERS_UPDATE_WITHOUT_SNAPSHOT = "ControlEvidence.serversUpdateWithoutSnapshot";
    /** Per server, the newest evidence of a kind from the given sources (ties on the time: newest id first). */
    static final String LATEST_OF_KIND_EVERY_SERVER = "ControlEvidence.latestOfKindEveryServer";
    /**
     * The controls of several servers, each kind of fact in one statement for all of them (issue 19: a batch page's
     * servers, rather than eight statements per server): per server, kind and source, the newest evidence (ties on the
     * time included); per server, the newest verified backup; the updates without snapshot counted per server; the
     * reported evidence of a kind since a time, each server's newest first.
     */
    static final String NEWEST_PER_SOURCE_OF_SERVERS = "ControlEvidence.newestPerSourceOfServers",
            LATEST_VERIFIED_BACKUP_OF_SERVERS = "ControlEvidence.latestVerifiedBackupOfServers",
            UPDATES_WITHOUT_SNAPSHOT_OF_SERVERS = "ControlEvidence.updatesWithoutSnapshotOfServers",
            REPORTED_SINCE_OF_SERVERS = "ControlEvidence.reportedSinceOfServers";
    /** Reported evidence of a kind since a time, every server, each server's newest first. */
    static final String REPORTED_SINCE_EVERY_SERVER = "ControlEvidence.reportedSinceEveryServer";

    enum Kind { SNAPSHOT, SOFTWARE_UPDATE, BACKUP, FIREWALL_CHANGE, FIREWALL_APPROVED, DDOS_EVENT }

    /** STAFF: declared on a form (recorded_by is the staff member); REPORTED: by a machine through the agent API. */
    static final String STAFF = "STAFF";
    static final String REPORTED = "REPORTED";
    /** Evidence of a kind reported by machines since a time. */
    static final String REPORTED_OF_KIND_SINCE = "e.kind = :kind and e.source = '" + REPORTED + "' and e.occurredAt >= :since";

    // The other parts of the queries, each written once.
    static final String OF_ONE_SERVER = "select e from ControlEvidence e where e.serverRef = :server";
    static final String NEWEST_FIRST = " order by e.occurredAt desc, e.id desc";
    /** Server by server, each one's newest first (ties on the time: newest id first). */
    static final String EACH_SERVER_NEWEST_FIRST = " order by e.serverRef, e.occurredAt desc, e.id desc";
    /** A backup that counts: one that was verified. */
    static final String VERIFIED_BACKUP = "e.kind = 'BACKUP' and e.verified = true";
    /** A software update since a time with no snapshot taken before it. */
    static final String UPDATE_WITHOUT_SNAPSHOT = "e.kind = 'SOFTWARE_UPDATE' and e.snapshotRef is null and e.occurredAt >= :since";

    @Column(updatable = false)
    private String serverRef;
    @Column(updatable = false)
    private String kind;
    @Column(updatable = false)
    private Instant occurredAt;
    @Column(updatable = false)
    private Instant recordedAt;
    @Column(updatable = false)
    private String recordedBy;
    @Column(updatable = false)
    private String details;
    @Column(updatable = false)
    private String snapshotRef;
    @Column(updatable = false)
    private Long backupBytes;
    @Column(updatable = false)
    private String targetDc;
    @Column(updatable = false)
    private Boolean verified;
    @Column(updatable = false)
    private String source = STAFF;
    @Column(updatable = false)
    private String digest;
    @Column(updatable = false)
    private Instant mitigatedAt;

    protected ControlEvidence() {
        // for JPA
    }

    private ControlEvidence(String serverRef, Kind kind, Instant occurredAt, Instant recordedAt, String recordedBy) {
        this.serverRef = Objects.requireNonNull(serverRef).strip();
        this.kind = kind.name();
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        if (occurredAt.isAfter(recordedAt.plusSeconds(300))) {
            throw new IllegalArgumentException("evidence cannot be dated in the future");
        }
    }

    static ControlEvidence snapshot(String server, String snapshotRef, Instant at, Instant now, String by) {
        ControlEvidence e = new ControlEvidence(server, Kind.SNAPSHOT, at, now, by);
        e.snapshotRef = Objects.requireNonNull(snapshotRef).strip();
        return e;
    }

    static ControlEvidence update(String server, String snapshotRef, Instant at, Instant now, String by, String details) {
        ControlEvidence e = new ControlEvidence(server, Kind.SOFTWARE_UPDATE, at, now, by);
        e.snapshotRef = snapshotRef == null || snapshotRef.isBlank() ? null : snapshotRef.strip();
        e.details = details;
        return e;
    }

    static ControlEvidence backup(String server, Instant at, Instant now, String by, long bytes, String dc, boolean verified) {
        ControlEvidence e = new ControlEvidence(server, Kind.BACKUP, at, now, by);
        if (bytes < 0) {
            throw new IllegalArgumentException("a backup size is not negative");
        }
        e.backupBytes = bytes;
        e.targetDc = Objects.requireNonNull(dc).strip();
        e.verified = verified;
        return e;
    }

    static ControlEvidence event(String server, Kind kind, Instant at, Instant now, String by, String details) {
        ControlEvidence e = new ControlEvidence(server, kind, at, now, by);
        e.details = Objects.requireNonNull(details);
        return e;
    }

    /** Staff approve a firewall rule set for a server by its SHA-256. */
    static ControlEvidence firewallApproval(String server, String sha256, Instant now, String by) {
        ControlEvidence e = new ControlEvidence(server, Kind.FIREWALL_APPROVED, now, now, by);
        e.digest = sha256(sha256);
        e.details = "approved rule set " + e.digest;
        return e;
    }

    /** Evidence a machine reported; {@code by} is the reporter (server:..., subprocessor:...). */
    static ControlEvidence reported(MachineEvidence.Reported r, Instant now, String by) {
        String who = by.length() > 100 ? by.substring(0, 100) : by;
        ControlEvidence e = switch (r.kind()) {
            case SNAPSHOT -> snapshot(r.serverRef(), bounded128(Objects.requireNonNull(r.reference(), "snapshot id")), r.occurredAt(), now, who);
            case SOFTWARE_UPDATE -> update(r.serverRef(), bounded128(r.reference()), r.occurredAt(), now, who, bounded(r.details()));
            case BACKUP -> {
                ControlEvidence b = backup(r.serverRef(), r.occurredAt(), now, who, r.bytes() == null ? 0 : r.bytes(),
                        Objects.requireNonNull(r.targetDataCentre(), "target"), Boolean.TRUE.equals(r.verified()));
                b.snapshotRef = bounded128(r.reference());
                b.details = bounded(r.details());
                yield b;
            }
            case FIREWALL_APPLIED -> {
                ControlEvidence f = new ControlEvidence(r.serverRef(), Kind.FIREWALL_CHANGE, r.occurredAt(), now, who);
                f.digest = sha256(r.digest());
                f.details = "applied rule set " + f.digest;
                yield f;
            }
            case DDOS -> {
                ControlEvidence d = new ControlEvidence(r.serverRef(), Kind.DDOS_EVENT, r.occurredAt(), now, who);
                if (r.mitigatedAt() != null && r.mitigatedAt().isBefore(r.occurredAt())) {
                    throw new IllegalArgumentException("a DDoS attack is mitigated after it starts");
                }
                d.mitigatedAt = r.mitigatedAt();
                d.details = bounded(r.details() == null ? "DDoS" : r.details());
                yield d;
            }
        };
        e.source = REPORTED;
        return e;
    }

    private static String sha256(String digest) {
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a rule set is identified by its SHA-256 (64 lowercase hex)");
        }
        return digest;
    }

    private static String bounded(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static String bounded128(String text) {
        return text == null || text.length() <= 128 ? text : text.substring(0, 128);
    }

    String kind() {
        return kind;
    }

    String serverRef() {
        return serverRef;
    }

    boolean reported() {
        return REPORTED.equals(source);
    }

    String digest() {
        return digest;
    }

    Instant mitigatedAt() {
        return mitigatedAt;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String snapshotRef() {
        return snapshotRef;
    }

    Boolean verified() {
        return verified;
    }

    EvidenceView toView() {
        return new EvidenceView(id(), serverRef, kind, occurredAt, recordedBy, details, snapshotRef, backupBytes, targetDc, verified,
                reported() ? Source.REPORTED : Source.DECLARED, digest, mitigatedAt);
    }
}
