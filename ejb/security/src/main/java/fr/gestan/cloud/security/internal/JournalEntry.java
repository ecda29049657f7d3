package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalVerifier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the append-only access journal. It has no mutator: once persisted, an entry never changes.
 */
@Entity
@Table(name = "journal_entry")
@NamedQuery(name = JournalEntry.NEWEST_FIRST, query = "select e from JournalEntry e order by e.id desc")
@NamedQuery(name = JournalEntry.COUNT, query = "select count(e) from JournalEntry e")
@NamedQuery(name = JournalEntry.OF_TENANT, query = "select e from JournalEntry e where e.tenantRef = :tenant order by e.id desc")
@NamedQuery(name = JournalEntry.COUNT_OF_TENANT, query = "select count(e) from JournalEntry e where e.tenantRef = :tenant")
public class JournalEntry {

    static final String NEWEST_FIRST = "JournalEntry.newestFirst";
    static final String COUNT = "JournalEntry.count";
    static final String OF_TENANT = "JournalEntry.ofTenant";
    static final String COUNT_OF_TENANT = "JournalEntry.countOfTenant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 100)
    private String actor;

    @Column(name = "actor_role", nullable = false, updatable = false, length = 32)
    private String actorRole;

    @Column(name = "tenant_ref", updatable = false, length = 14)
    private String tenantRef;

    @Column(nullable = false, updatable = false, length = 64)
    private String action;

    @Column(updatable = false, length = 300)
    private String target;

    @Column(nullable = false, updatable = false, length = 16)
    private String outcome;

    @Column(updatable = false, length = 1000)
    private String reason;

    /** The position in the hash chain. */
    @Column(updatable = false)
    private Long seq;

    @Column(name = "source_ip", updatable = false, length = 45)
    private String sourceIp;

    @Column(name = "entry_hash", updatable = false, length = 64)
    private String entryHash;

    protected JournalEntry() {
        // for JPA
    }

    /**
     * The entry at position {@code seq}, chained to {@code previousHash}. The time is kept to the microsecond, the
     * database's precision, so that the hash computed now is the hash recomputed from the stored row.
     */
    JournalEntry(long seq, byte[] previousHash, Instant occurredAt, String actor, String actorRole, JournalEvent event,
                 String fallbackSourceIp) {
        this.seq = seq;
        this.occurredAt = Objects.requireNonNull(occurredAt).truncatedTo(ChronoUnit.MICROS);
        this.actor = JournalText.clean(Objects.requireNonNull(actor), 100);
        this.actorRole = JournalText.clean(Objects.requireNonNull(actorRole), 32);
        this.tenantRef = JournalText.clean(event.tenantRef(), 14);
        this.action = JournalText.clean(event.action(), 64);
        this.target = JournalText.clean(event.target(), 300);
        this.outcome = event.outcome().name();
        this.reason = JournalText.clean(event.reason(), 1000);
        this.sourceIp = JournalText.clean(event.sourceIp() != null ? event.sourceIp() : fallbackSourceIp, 45);
        this.entryHash = JournalVerifier.hex(JournalVerifier.link(previousHash, content()));
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** SHA-256 of the canonical encoding of this entry. */
    byte[] content() {
        return JournalVerifier.entryContent(seq, micros(occurredAt), actor, actorRole, tenantRef, action, target,
                sourceIp, outcome, reason);
    }

    byte[] hash() {
        return JournalVerifier.unhex(entryHash);
    }

    Long seq() {
        return seq;
    }

    String tenantRef() {
        return tenantRef;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    JournalEntryView toView() {
        return new JournalEntryView(id, seq, occurredAt, actor, actorRole, tenantRef, action, target, sourceIp, outcome,
                reason, entryHash);
    }
}
