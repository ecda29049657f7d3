package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.journal.JournaledService;
import fr.gestan.cloud.common.validation.ValidatesBusinessInterface;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A journaled service of the tenants module: its persistence unit, beside the journal, caller and clock; the input
 * constraints of its business interface are checked ({@link ValidatesBusinessInterface}, inherited by every bean below).
 */
@ValidatesBusinessInterface
public abstract class TenantsServiceBase extends JournaledService {

    @PersistenceContext(unitName = "tenants")
    protected EntityManager em;

    @Inject
    CallerLinkMemo callerLinks;

    /**
     * The caller's company as the confinement reads it, once per request ({@link CallerLinks}): the second call of a
     * view that asks reads nothing. Empty for a caller linked to no company.
     */
    protected Optional<CallerLinks.Link> callersLink() {
        return CallerLinks.of(callerLinks, em, actor());
    }

    /** The id of the caller's company ({@link #callersLink}), for a query's parameter or a new row: no tenant is read for it. */
    protected long callersTenantId() throws TenantNotFoundException {
        return callersLink().orElseThrow(() -> new TenantNotFoundException("No company is linked to portal user " + actor())).tenantId();
    }
}
