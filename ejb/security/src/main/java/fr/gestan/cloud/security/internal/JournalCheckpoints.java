package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.security.api.JournalVerifier;
import fr.gestan.cloud.security.api.JournalVerifier.Checkpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Signs the chain head. The head row is locked while signing, so on several nodes checkpoints still form one
 * numbered sequence. Internal to the module (the timer and {@link JournalIntegrityBean} call it).
 */
@Stateless
@LocalBean
@PermitAll
public class JournalCheckpoints {

    @PersistenceContext(unitName = "security")
    EntityManager em;


    private final Clock clock = Clock.systemUTC();

    /** Creates a checkpoint when the head moved since the last one; returns the newest checkpoint. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<JournalCheckpoint> create() {
        JournalHead head = em.find(JournalHead.class, JournalHead.ID, LockModeType.PESSIMISTIC_WRITE);
        Optional<JournalCheckpoint> last = latest();
        if (head.seq() == 0 || last.map(c -> c.seq() >= head.seq()).orElse(false)) {
            return last;
        }
        JournalKeys keys = JournalKeys.current();
        long number = last.map(c -> c.toCheckpoint().number() + 1).orElse(1L);
        byte[] previousDigest = last.map(c -> c.toCheckpoint().digest()).orElse(JournalVerifier.GENESIS);
        long now = JournalEntry.micros(clock.instant().truncatedTo(ChronoUnit.MICROS));
        Checkpoint unsigned = new Checkpoint(number, head.seq(), head.hash(), now, previousDigest, keys.keyId(), new byte[0]);
        Checkpoint signed = new Checkpoint(number, head.seq(), head.hash(), now, previousDigest, keys.keyId(),
                keys.sign(unsigned.payload()));
        JournalCheckpoint checkpoint = new JournalCheckpoint(signed);
        em.persist(checkpoint);
        return Optional.of(checkpoint);
    }

    public Optional<JournalCheckpoint> latest() {
        return em.createNamedQuery(JournalCheckpoint.NEWEST_FIRST, JournalCheckpoint.class).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
