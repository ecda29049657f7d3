package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.AccessJournal;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.InvalidSirenException;
import fr.gestan.cloud.tenants.api.NewTenant;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.validation.executable.ValidateOnExecution;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

// Makes Hibernate Validator intercept this bean: its constraints sit on the interface (HV-994).
@ValidateOnExecution
@Stateless
@Local(TenantService.class)
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class TenantServiceBean implements TenantService {

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @Resource
    SessionContext caller;

    @EJB
    AccessJournal journal;

    private final Clock clock = Clock.systemUTC();

    @Override
    public TenantView register(NewTenant request) {
        if (!Siren.isValid(request.siren())) {
            throw new InvalidSirenException(request.siren());
        }
        if (!em.createNamedQuery(Tenant.BY_SIREN, Tenant.class).setParameter("siren", request.siren())
                .getResultList().isEmpty()) {
            throw new DuplicateSirenException(request.siren());
        }
        Tenant tenant = new Tenant(request.legalName(), request.siren(), clock.instant());
        em.persist(tenant);
        journal.record(JournalEvent.success("TENANT_REGISTERED", tenant.siren(), request.legalName()));
        return tenant.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<TenantView> list(int first, int max) {
        return em.createNamedQuery(Tenant.ORDERED_BY_NAME, Tenant.class)
                .setFirstResult(first).setMaxResults(max)
                .getResultStream().map(Tenant::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long count() {
        return em.createNamedQuery(Tenant.COUNT, Long.class).getSingleResult();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public TenantView myCompany() throws TenantNotFoundException {
        String username = caller.getCallerPrincipal().getName();
        return em.createNamedQuery(PortalAccount.TENANT_OF_USER, Tenant.class)
                .setParameter("username", username)
                .getResultStream().findFirst()
                .map(Tenant::toView)
                .orElseThrow(() -> new TenantNotFoundException("No company is linked to portal user " + username));
    }
}
