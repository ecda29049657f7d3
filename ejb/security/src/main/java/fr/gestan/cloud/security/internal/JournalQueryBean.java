package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

// Makes Hibernate Validator intercept this bean: its constraints sit on the interface (HV-994).
@ValidateOnExecution
@Stateless
@Local(JournalQuery.class)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class JournalQueryBean implements JournalQuery {

    @PersistenceContext(unitName = "security")
    EntityManager em;

    @Override
    public List<JournalEntryView> latest(int max) {
        return em.createNamedQuery(JournalEntry.NEWEST_FIRST, JournalEntry.class).setMaxResults(max)
                .getResultStream().map(JournalEntry::toView).toList();
    }

    @Override
    public long count() {
        return em.createNamedQuery(JournalEntry.COUNT, Long.class).getSingleResult();
    }
}
