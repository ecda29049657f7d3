package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.CheckpointView;
import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Checkpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** A signed checkpoint of the journal's chain head. Never changed once written. */
@Entity
@Table(name = "journal_checkpoint")
@NamedQuery(name = JournalCheckpoint.IN_ORDER, query = "select c from JournalCheckpoint c order by c.id")
@NamedQuery(name = JournalCheckpoint.NEWEST_FIRST, query = "select c from JournalCheckpoint c order by c.id desc")
public class JournalCheckpoint {

    static final String IN_ORDER = "JournalCheckpoint.inOrder";
    static final String NEWEST_FIRST = "JournalCheckpoint.newestFirst";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "head_hash", nullable = false, updatable = false, length = 64)
    private String headHash;

    @Column(name = "created_at_us", nullable = false, updatable = false)
    private long createdAtMicros;

    @Column(name = "previous_digest", nullable = false, updatable = false, length = 64)
    private String previousDigest;

    @Column(name = "key_id", nullable = false, updatable = false, length = 16)
    private String keyId;

    @Column(nullable = false, updatable = false, length = 200)
    private String signature;

    protected JournalCheckpoint() {
        // for JPA
    }

    JournalCheckpoint(Checkpoint signed) {
        this.number = signed.number();
        this.seq = signed.seq();
        this.headHash = JournalVerifier.hex(signed.headHash());
        this.createdAtMicros = signed.createdAtMicros();
        this.previousDigest = JournalVerifier.hex(signed.previousDigest());
        this.keyId = signed.keyId();
        this.signature = Base64.getEncoder().encodeToString(signed.signature());
    }

    Checkpoint toCheckpoint() {
        return new Checkpoint(number, seq, JournalVerifier.unhex(headHash), createdAtMicros,
                JournalVerifier.unhex(previousDigest), keyId, Base64.getDecoder().decode(signature));
    }

    CheckpointView toView() {
        return new CheckpointView(number, seq, headHash, Instant.EPOCH.plus(createdAtMicros, ChronoUnit.MICROS), keyId, signature);
    }

    long seq() {
        return seq;
    }
}
