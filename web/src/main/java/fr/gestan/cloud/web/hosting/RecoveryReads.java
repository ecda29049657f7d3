package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.tenants.TenantNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.Serializable;
import java.util.Map;

/**
 * The staff recovery page's reads in one call, hence one transaction (docs/performance.md, "staff pages (pages9s)"):
 * the page of the hosting module ({@link RecoveryPlans#page}) and the company names of its plan's tenants (the tenants
 * module). They were two calls in two transactions, each taking a pooled connection, checking it ({@code select 1})
 * and committing. Each call still checks its caller's roles; nothing is kept beyond the call.
 */
@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
public class RecoveryReads {

    /** The page and the names of its plan's tenants by SIREN (none without a plan). */
    public record Read(RecoveryPage page, Map<String, String> names) implements Serializable {

        public Read {
            names = Map.copyOf(names);
        }
    }

    @EJB
    RecoveryPlans plans;
    @EJB
    TenantService tenants;

    /**
     * The page of {@code serverId} (the first production server when null) and its tenants' names. A refusal of
     * {@link RecoveryPlans#page} (an unknown server, not a production server) is thrown as it is.
     */
    public Read read(Long serverId) {
        RecoveryPage page = plans.page(serverId);
        return new Read(page, page.plan() == null ? Map.of()
                : TenantNames.lookup(tenants, page.plan().tenants().stream().map(RecoveryPlanView.TenantSlot::tenantSiren).toList()));
    }
}
