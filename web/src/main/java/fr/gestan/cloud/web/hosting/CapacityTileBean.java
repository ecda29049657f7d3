package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The back-office home's capacity tile: tenants per production server against capacity, and open incidents. */
@Named
@RequestScoped
public class CapacityTileBean {

    @EJB
    HostingInventory inventory;
    @EJB
    ServerStatus status;

    private List<ServerView> production;
    private List<IncidentView> openIncidents;

    public List<ServerView> getProduction() {
        if (production == null) {
            production = inventory.servers().stream().filter(s -> s.role() == ServerRole.PRODUCTION).toList();
        }
        return production;
    }

    public List<IncidentView> getOpenIncidents() {
        if (openIncidents == null) {
            openIncidents = status.activeIncidents(); // not the whole status board: every server's status for a count
        }
        return openIncidents;
    }
}
