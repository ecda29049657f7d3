package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The head of the journal's hash chain: one row, read with a pessimistic write lock (SELECT ... FOR UPDATE) by
 * every append, so appends from concurrent transactions and from several application nodes are serialised in
 * the database, not in a JVM.
 */
@Entity
@Table(name = "journal_head")
public class JournalHead {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private long seq;

    @Column(name = "head_hash", nullable = false, length = 64)
    private String headHash;

    @Column(name = "legacy_max_id", nullable = false, updatable = false)
    private long legacyMaxId;

    protected JournalHead() {
        // for JPA
    }

    long seq() {
        return seq;
    }

    byte[] hash() {
        return JournalVerifier.unhex(headHash);
    }

    long legacyMaxId() {
        return legacyMaxId;
    }

    /** Moves the head to the entry just appended, which must be the next position. */
    void advance(JournalEntry entry) {
        if (entry.seq() != seq + 1) {
            throw new IllegalStateException("the journal chain must grow one position at a time");
        }
        this.seq = entry.seq();
        this.headHash = JournalVerifier.hex(entry.hash());
    }
}
