package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.ReporterJournal;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Objects;

/**
 * Appends entries whose actor is a machine reporter. Local interface only (no remote view), so only code of this
 * EAR can name an actor; the caller (the agent API) has checked the reporter's token first.
 */
@Stateless
@PermitAll // the agent API is anonymous: the reporter proved itself with its token
public class ReporterJournalBean implements ReporterJournal {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long record(String reporter, JournalEvent event) {
        Objects.requireNonNull(reporter, "reporter");
        return AccessJournalBean.append(em, reporter, ROLE, event, clock);
    }
}
