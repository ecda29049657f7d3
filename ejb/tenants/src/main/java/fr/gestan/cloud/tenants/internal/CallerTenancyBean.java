package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The caller's company, from the portal accounts this module keeps (not from a token claim), and the one rule that
 * confines a client contact to it (see {@link CallerTenancy}).
 */
@Stateless
@PermitAll
public class CallerTenancyBean implements CallerTenancy {

    @PersistenceContext(unitName = "tenants")
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    CallerLinkMemo memo;

    @Override
    public Optional<String> tenantOfCaller() {
        return callersTenant().map(CallerLinks.Link::siren);
    }

    /**
     * A client contact's or an API client's company (an API client once revoked has none), read once per request
     * ({@link CallerLinks}: every client call of a page, and the confinement before it, asks).
     */
    private Optional<CallerLinks.Link> callersTenant() {
        if (!caller.isCallerInRole(Roles.CLIENT) && !caller.isCallerInRole(Roles.API_READ)) {
            return Optional.empty();
        }
        return CallerLinks.of(memo, em, caller.getCallerPrincipal().getName());
    }

    @Override
    public boolean mayAccess(String tenantSiren) {
        if (caller.isCallerInRole(Roles.SUPPORT) || caller.isCallerInRole(Roles.ADMIN) || caller.isCallerInRole(Roles.AUDITOR)) {
            return true;
        }
        return tenantSiren != null && tenantOfCaller().filter(tenantSiren::equals).isPresent();
    }

    /**
     * A client contact of a company that is not active; an API client of such a company, or revoked, or unknown
     * (its token may still be valid for minutes after the revocation: it is refused from the revocation on).
     */
    @Override
    public boolean callerRefused() {
        boolean contact = caller.isCallerInRole(Roles.CLIENT);
        if (!contact && !caller.isCallerInRole(Roles.API_READ)) {
            return false;
        }
        return callersTenant().map(t -> t.state() != fr.gestan.cloud.tenants.api.TenantState.ACTIVE).orElse(!contact);
    }
}
