package fr.gestan.cloud.it.browser;

import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewServer;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.it.support.AsAdmin;
import fr.gestan.cloud.it.support.Ids;
import fr.gestan.cloud.security.api.ServerControls;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;

/**
 * Test-only page of the journeys' EAR ({@link JourneyEar}), called by {@link AgentApiIT}, doing as an administrator what the back office does:
 * {@code ?approve=<sha256>} adds a server of its own (no tenant: its failing controls touch no other suite), issues
 * its agent's token and approves a firewall rule set for it, answering "name token"; {@code ?failing=<server>}
 * answers the server's failing controls as "CONTROL reason" lines, as the back office's controls page lists them.
 */
@WebServlet("/it/agent-fixture")
public class AgentFixtureServlet extends FixtureServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient AsAdmin admin;
    @EJB
    transient HostingInventory inventory;
    @EJB
    transient ServerControls controls;

    @Override
    protected String answer(HttpServletRequest request) throws Exception {
        String approve = request.getParameter("approve");
        if (approve != null) {
            String name = Ids.code("AG-");
            ServerView server = admin.call(() -> inventory.addServer(new NewServer(name, "DC3", ServerRole.PRODUCTION, null, null)));
            String token = admin.call(() -> inventory.issueMonitoringToken(server.id()));
            admin.call(() -> controls.approveFirewallRuleSet(name, approve));
            return name + " " + token;
        }
        String server = request.getParameter("failing");
        return admin.call(() -> controls.failing()).stream().filter(c -> c.serverRef().equals(server))
                .map(c -> c.control() + " " + c.reason()).collect(Collectors.joining("\n"));
    }
}
