package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.MyHostingView;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The client's hosting: its own contracts, its estimated recovery time and position, its own servers' status.
 * Request-scoped (its pages have no form; the dashboard's refresh reads the tile again): docs/performance.md, "client
 * dashboard and journal page".
 */
@Named
@RequestScoped
public class PortalHostingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HostingContracts contracts;
    @EJB
    ServerStatus status;

    private List<ContractView> myContracts;
    private MyHostingView myHosting;
    private List<AvailabilityView> myAvailability;

    // Each list is read when first shown: the dashboard's tile shows only the recovery and the servers (the
    // contracts and availability figures cost 12 statements per dashboard view that nobody saw).
    public List<AvailabilityView> getMyAvailability() {
        if (myAvailability == null) {
            myAvailability = status.myAvailability();
        }
        return myAvailability;
    }

    public String hm(int minutes) {
        return Durations.hm(minutes);
    }

    public List<ContractView> getMyContracts() {
        if (myContracts == null) {
            myContracts = contracts.myContracts();
        }
        return myContracts;
    }

    public List<MyRecoveryView> getMyRecovery() {
        return myHosting().recovery();
    }

    public List<ComponentStatusView> getMyServers() {
        return myHosting().servers();
    }

    /** The recovery and the servers in one call of the hosting module (two before: docs/performance.md, "client dashboard and journal page"). */
    private MyHostingView myHosting() {
        if (myHosting == null) {
            myHosting = status.myHosting();
        }
        return myHosting;
    }
}
