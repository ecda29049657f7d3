package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.TenantWrites;
import fr.gestan.cloud.hosting.api.RecoveryPage;
import fr.gestan.cloud.hosting.api.RecoveryPlanView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.tenants.TenantNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff recovery page's reads in one call, hence one transaction (docs/performance.md, "staff pages (pages9s)"):
 * the page of the hosting module ({@link RecoveryPlans#page}) and the company names of its plan's tenants (the tenants
 * module). They were two calls in two transactions, each taking a pooled connection, checking it ({@code select 1})
 * and committing. Each call still checks its caller's roles; the page and the names, the same for every staff member,
 * are kept 5 s on this node and void at once at its writes (docs/performance.md, "hosting pages (pages11h)").
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

    /** The names of a plan's clients by the plan's SIRENs, kept 5 s on this node, void at its writes of a tenant. */
    private static final NodeMemo<Map<List<String>, Map<String, String>>> NAMES = new NodeMemo<>(5_000, TenantWrites.GENERATION);

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
        if (page.plan() == null) {
            return new Read(page, Map.of());
        }
        List<String> sirens = page.plan().tenants().stream().map(RecoveryPlanView.TenantSlot::tenantSiren).toList();
        // the names of a plan's clients, the same for every staff member: kept 5 s on this node by the plan's SIRENs (a
        // client more or less is another key) and void at once when this node writes a tenant (a sixth of a view's CPU
        // at full scale, docs/performance.md, "hosting pages (pages11h)"); the plan itself is kept so by the hosting module
        return new Read(page, NAMES.get(ConcurrentHashMap::new).computeIfAbsent(sirens, s -> Map.copyOf(TenantNames.lookup(tenants, s))));
    }
}
