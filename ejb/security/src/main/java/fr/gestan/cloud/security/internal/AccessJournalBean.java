package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Writes journal entries in the caller's transaction ({@code MANDATORY}): an entry exists exactly when the
 * action it records commits. Every module may write; the actor comes from the security identity.
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
        String actor = caller.getCallerPrincipal().getName();
        String role = ROLES_BY_PRECEDENCE.stream().filter(caller::isCallerInRole).findFirst().orElse("none");
        em.persist(new JournalEntry(clock.instant(), actor, role, event));
    }
}
