package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The caller's company, from the portal accounts this module keeps (not from a token claim), and the one rule that
 * confines a client contact to it (see {@link CallerTenancy}).
 */
@Stateless
@Local(CallerTenancy.class)
@PermitAll
public class CallerTenancyBean implements CallerTenancy {

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @Resource
    SessionContext caller;

    @Override
    public Optional<String> tenantOfCaller() {
        if (!caller.isCallerInRole(Roles.CLIENT)) {
            return Optional.empty();
        }
        return em.createNamedQuery(PortalAccount.TENANT_OF_USER, Tenant.class)
                .setParameter("username", caller.getCallerPrincipal().getName())
                .getResultStream().findFirst().map(Tenant::siren);
    }

    @Override
    public boolean mayAccess(String tenantSiren) {
        if (caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN) || caller.isCallerInRole(Roles.AUDITOR)) {
            return true;
        }
        return tenantSiren != null && tenantOfCaller().filter(tenantSiren::equals).isPresent();
    }

    @Override
    public boolean callerRefused() {
        if (!caller.isCallerInRole(Roles.CLIENT)) {
            return false;
        }
        return em.createNamedQuery(PortalAccount.TENANT_OF_USER, Tenant.class)
                .setParameter("username", caller.getCallerPrincipal().getName())
                .getResultStream().findFirst().map(t -> t.state() != fr.gestan.cloud.tenants.api.TenantState.ACTIVE).orElse(false);
    }
}
