package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.journal.RequestOrigin;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Appends to the hash-chained journal in the caller's transaction ({@code MANDATORY}): an entry exists exactly
 * when the action it records commits. The chain head row is locked (SELECT ... FOR UPDATE) until that transaction
 * ends, so concurrent transactions, on any number of nodes, extend one chain; a rolled-back transaction releases
 * the head unchanged. Every module may write; the actor comes from the security identity.
 */
@Stateless
@Local(AccessJournal.class)
@PermitAll
public class AccessJournalBean implements AccessJournal {

    private static final List<String> ROLES_BY_PRECEDENCE = List.of(Roles.ADMIN, Roles.SUPPORT, Roles.AUDITOR, Roles.CLIENT);

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Resource
    SessionContext caller;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(JournalEvent event) {
        append(event);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(JournalEvent event) {
        append(event);
    }

    private void append(JournalEvent event) {
        String actor = caller.getCallerPrincipal().getName();
        String role = ROLES_BY_PRECEDENCE.stream().filter(caller::isCallerInRole).findFirst().orElse("none");
        append(em, actor, role, event, clock);
    }

    /**
     * Appends in the current transaction with an explicit actor: only for this module's importers of events that
     * happened elsewhere (Keycloak sign-ins), whose actor is not the caller.
     */
    static void append(EntityManager em, String actor, String role, JournalEvent event, Clock clock) {
        JournalHead head = em.find(JournalHead.class, JournalHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the journal chain head is missing: the security schema is not migrated");
        }
        // The time is read under the lock, so times never go backwards along the chain.
        JournalEntry entry = new JournalEntry(head.seq() + 1, head.hash(), clock.instant(), actor, role, event,
                RequestOrigin.address());
        em.persist(entry);
        head.advance(entry);
    }
}
