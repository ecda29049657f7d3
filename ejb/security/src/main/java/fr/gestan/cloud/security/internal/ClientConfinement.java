package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.inject.Instance;

/**
 * Confines a client contact to its own tenant's journal, whatever tenant the caller passes: the EJB enforces it,
 * not the page. Staff are not confined. Without the tenants module (it knows who speaks for whom), clients get nothing.
 */
final class ClientConfinement {

    private ClientConfinement() {
    }

    static void requireOwnTenant(SessionContext caller, Instance<CallerTenancy> tenancy, String tenantRef) {
        boolean staff = caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN)
                || caller.isCallerInRole(Roles.AUDITOR);
        if (staff) {
            return;
        }
        String own = tenancy.isResolvable() ? tenancy.get().tenantOfCaller().orElse(null) : null;
        if (own == null || !own.equals(tenantRef)) {
            throw new EJBAccessException("A client contact may only read its own company's journal");
        }
    }
}
