package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.JournalEntryView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the append-only access journal. It has no mutator: once persisted, an entry never changes.
 */
@Entity
@Table(name = "journal_entry")
@NamedQuery(name = JournalEntry.NEWEST_FIRST, query = "select e from JournalEntry e order by e.id desc")
@NamedQuery(name = JournalEntry.COUNT, query = "select count(e) from JournalEntry e")
public class JournalEntry {

    static final String NEWEST_FIRST = "JournalEntry.newestFirst";
    static final String COUNT = "JournalEntry.count";

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

    protected JournalEntry() {
        // for JPA
    }

    JournalEntry(Instant occurredAt, String actor, String actorRole, JournalEvent event) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = JournalText.clean(Objects.requireNonNull(actor), 100);
        this.actorRole = JournalText.clean(Objects.requireNonNull(actorRole), 32);
        this.tenantRef = JournalText.clean(event.tenantRef(), 14);
        this.action = JournalText.clean(event.action(), 64);
        this.target = JournalText.clean(event.target(), 300);
        this.outcome = event.outcome().name();
        this.reason = JournalText.clean(event.reason(), 1000);
    }

    JournalEntryView toView() {
        return new JournalEntryView(id, occurredAt, actor, actorRole, tenantRef, action, target, outcome, reason);
    }
}
