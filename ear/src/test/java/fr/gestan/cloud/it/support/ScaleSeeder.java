package fr.gestan.cloud.it.support;

import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.tenants.api.TenantService;
import java.util.List;

/**
 * {@link ScaleSeeding} for code that is not an Arquillian test class (a test page of a deployment the test builds
 * itself, e.g. {@code ScaleFixtureServlet} of ClusterFailoverIT): the same offer at scale, through the modules' APIs,
 * with the beans the page was given.
 */
public final class ScaleSeeder extends ScaleSeeding {

    public ScaleSeeder(AsSupport support, AsAdmin admin, TenantService tenants, HostingInventory inventory,
                       HostingContracts contracts, ServerControls controls) {
        this.support = support;
        this.admin = admin;
        this.tenants = tenants;
        this.inventory = inventory;
        this.contracts = contracts;
        this.controls = controls;
    }

    /** {@code count} compliant tenants (SIREN {@link #sirenOf}{@code (0..count-1)}) on {@code pairs} server pairs. */
    public void seed(int count, int pairs) throws Exception {
        List<ServerView[]> servers = sites(pairs, (count + pairs - 1) / pairs);
        for (int i = 0; i < count; i++) {
            tenant(i, servers.get(i % pairs));
        }
    }

    /** The SIREN of seeded tenant {@code i}. */
    public static String sirenOf(int i) {
        return siren(i);
    }
}
