package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ComponentStatusView;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.Durations;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.MyRecoveryView;
import fr.gestan.cloud.hosting.api.RecoveryPlans;
import fr.gestan.cloud.hosting.api.ServerStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The client's hosting: its own contracts, its estimated recovery time and position, its own servers' status. */
@Named
@ViewScoped
public class PortalHostingBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HostingContracts contracts;
    @EJB
    RecoveryPlans plans;
    @EJB
    ServerStatus status;

    private List<ContractView> myContracts;
    private List<MyRecoveryView> myRecovery;
    private List<ComponentStatusView> myServers;
    private List<AvailabilityView> myAvailability;

    @PostConstruct
    void load() {
        myContracts = contracts.myContracts();
        myRecovery = plans.myRecovery();
        myServers = status.myServers();
        myAvailability = status.myAvailability();
    }

    public List<AvailabilityView> getMyAvailability() {
        return myAvailability;
    }

    public String hm(int minutes) {
        return Durations.hm(minutes);
    }

    public List<ContractView> getMyContracts() {
        return myContracts;
    }

    public List<MyRecoveryView> getMyRecovery() {
        return myRecovery;
    }

    public List<ComponentStatusView> getMyServers() {
        return myServers;
    }
}
