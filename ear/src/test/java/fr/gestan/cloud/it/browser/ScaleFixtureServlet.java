package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.AsSupport;
import fr.gestan.cloud.it.support.ScaleSeeder;
import fr.gestan.cloud.it.support.SupportClearance;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.ServerControls;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.tenants.api.TenantService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Test-only page that {@link ClusterFailoverIT} adds to the web module of the EAR its nodes deploy:
 * {@code /it/scale-fixture?tenants=150&pairs=3} seeds that many compliant tenants through the modules' own APIs
 * ({@link ScaleSeeder}: tenant with contact, active contract on a pair of servers with our evidence), so that a
 * certificate batch over them runs long enough to lose its node mid-run.
 */
@WebServlet("/it/scale-fixture")
public class ScaleFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AsSupport support;
    @EJB
    transient AsAdmin admin;
    @EJB
    transient TenantService tenants;
    @EJB
    transient HostingInventory inventory;
    @EJB
    transient HostingContracts contracts;
    @EJB
    transient ServerControls controls;
    @EJB
    transient ConfidentialityAgreements agreements;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        int count = Integer.parseInt(request.getParameter("tenants"));
        int pairs = Integer.parseInt(request.getParameter("pairs"));
        long t0 = System.nanoTime();
        try {
            // support.it creates the tenants: a registered support member with a valid agreement (as PerfSeedIT)
            admin.call(() -> agreements.registerStaff(new NewStaffMember("support.it", "Support IT", "support")));
        } catch (StaffException alreadyRegistered) {
            // registered by an earlier call
        }
        SupportClearance.clearEverySupportMember(agreements, admin);
        new ScaleSeeder(support, admin, tenants, inventory, contracts, controls).seed(count, pairs);
        return "seeded " + count + " tenants on " + pairs + " server pairs in " + (System.nanoTime() - t0) / 1_000_000 + " ms";
    }
}
