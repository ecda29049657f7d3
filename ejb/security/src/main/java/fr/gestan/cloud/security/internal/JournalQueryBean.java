package fr.gestan.cloud.security.internal;

import jakarta.interceptor.Interceptors;
import fr.gestan.cloud.common.tenancy.TenantRef;
import fr.gestan.cloud.common.tenancy.TenantConfinement;
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
@Interceptors(TenantConfinement.class)
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
    public List<JournalEntryView> page(int first, int max) {
        return em.createNamedQuery(JournalEntry.NEWEST_FIRST, JournalEntry.class).setFirstResult(first).setMaxResults(max)
                .getResultStream().map(JournalEntry::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public List<JournalEntryView> ofTenant(@TenantRef String tenantRef, int first, int max) {
        return em.createNamedQuery(JournalEntry.OF_TENANT, JournalEntry.class).setParameter("tenant", tenantRef)
                .setFirstResult(first).setMaxResults(max).getResultStream().map(JournalEntry::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.SUPPORT, Roles.CLIENT})
    public long countOfTenant(@TenantRef String tenantRef) {
        return em.createNamedQuery(JournalEntry.COUNT_OF_TENANT, Long.class).setParameter("tenant", tenantRef).getSingleResult();
    }

    @Override
    public long count() {
        return em.createNamedQuery(JournalEntry.COUNT, Long.class).getSingleResult();
    }
}
