package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.AvailabilityView;
import fr.gestan.cloud.hosting.api.ContractEventView;
import fr.gestan.cloud.hosting.api.ContractStatus;
import fr.gestan.cloud.hosting.api.ContractView;
import fr.gestan.cloud.hosting.api.HostingContracts;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.NewContract;
import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.hosting.api.ServiceLevel;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import fr.gestan.cloud.web.tenants.TenantNames;

/** Staff's hosting contracts: a filtered page, a new draft with its proposed placement, lifecycle and moves. */
@Named
@ViewScoped
public class ContractsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @EJB
    HostingContracts contracts;
    @EJB
    HostingInventory inventory;
    @EJB
    ServerStatus serverStatus;
    @Inject
    @Bundle("hmsg")
    Messages messages;
    @Inject
    CurrentUser user;
    /** The company names of the page's SIRENs (one query a page). */
    @Inject
    TenantNames names;

    private String filterSiren;
    private int first;
    private long total;
    private List<ContractView> page;
    private List<ServerView> servers;
    private ServerView proposal;

    // new contract
    private String siren;
    private String offer = "Gestan ERP Cloud";
    private LocalDate startsOn = LocalDate.now();
    private LocalDate endsOn;
    private boolean autoRenew = true;
    private ServiceLevel serviceLevel = ServiceLevel.STANDARD;
    private Long productionServerId;
    private Long backupServerId;
    private int dataVolumeGb = 10;

    // actions on the selected contract
    private ContractView selected;
    private List<ContractEventView> history = List.of();
    private List<AvailabilityView> availability = List.of();

    /** The selected contract's availability (machine evidence), unmonitored time apart. */
    public List<AvailabilityView> getAvailability() {
        return availability;
    }
    private String reason;
    private Long targetServerId;

    @PostConstruct
    void load() {
        servers = inventory.servers();
        try {
            proposal = contracts.proposePlacement();
        } catch (RuntimeException e) {
            proposal = null;
        }
        refresh();
    }

    private void refresh() {
        total = contracts.count(filterSiren);
        page = contracts.list(filterSiren, first, PAGE);
        names.read(page.stream().map(ContractView::tenantSiren).toList());
    }

    /** The company name of a SIREN of this page, or null when the tenants module does not know it. */
    public String name(String siren) {
        if (siren != null && selected != null && siren.equals(selected.tenantSiren())) {
            names.add(List.of(siren));
        }
        return names.of(siren);
    }

    public void search() {
        first = 0;
        refresh();
    }

    public void next() {
        if (first + PAGE < total) {
            first += PAGE;
            refresh();
        }
    }

    public void previous() {
        first = Math.max(0, first - PAGE);
        refresh();
    }

    public void create() {
        try {
            ContractView created = contracts.create(new NewContract(siren, offer, startsOn, endsOn, autoRenew, serviceLevel,
                    productionServerId, backupServerId, dataVolumeGb));
            messages.info("contracts.created", created.id(), created.productionServer(), created.backupServer());
            filterSiren = created.tenantSiren();
            select(created);
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void select(ContractView contract) {
        selected = contract;
        history = contracts.history(contract.id());
        availability = serverStatus.availabilityOf(contract.tenantSiren()).stream().filter(a -> a.contractId() == contract.id()).toList();
        reason = null;
        targetServerId = null;
    }

    public void activate() {
        act(() -> contracts.activate(selected.id()), "contracts.activated");
    }

    public void terminate() {
        act(() -> contracts.terminate(selected.id(), reason), "contracts.terminated");
    }

    public void move() {
        if (targetServerId == null) {
            messages.error("contracts.move.target");
            return;
        }
        act(() -> contracts.move(selected.id(), targetServerId, reason), "contracts.moved");
    }

    private void act(java.util.function.Supplier<ContractView> action, String done) {
        try {
            ContractView updated = action.get();
            messages.info(done, updated.id());
            select(updated);
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public boolean isCanWrite() {
        return user.hasRole(Roles.SUPPORT) || user.hasRole(Roles.ADMIN);
    }

    public boolean isSelectedOpen() {
        return selected != null && selected.status() != ContractStatus.TERMINATED;
    }

    public List<ServerView> getProductionServers() {
        return servers.stream().filter(s -> s.role() == ServerRole.PRODUCTION).toList();
    }

    public List<ServerView> getBackupServers() {
        return servers.stream().filter(s -> s.role() == ServerRole.BACKUP).toList();
    }

    public ServiceLevel[] getLevels() {
        return ServiceLevel.values();
    }

    public String getRange() {
        return total == 0 ? "0" : (first + 1) + "–" + Math.min(first + PAGE, total) + " / " + total;
    }

    public List<ContractView> getPage() {
        return page;
    }

    public ServerView getProposal() {
        return proposal;
    }

    public ContractView getSelected() {
        return selected;
    }

    public List<ContractEventView> getHistory() {
        return history;
    }

    public String getFilterSiren() {
        return filterSiren;
    }

    public void setFilterSiren(String filterSiren) {
        this.filterSiren = filterSiren;
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren;
    }

    public String getOffer() {
        return offer;
    }

    public void setOffer(String offer) {
        this.offer = offer;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public boolean isAutoRenew() {
        return autoRenew;
    }

    public void setAutoRenew(boolean autoRenew) {
        this.autoRenew = autoRenew;
    }

    public ServiceLevel getServiceLevel() {
        return serviceLevel;
    }

    public void setServiceLevel(ServiceLevel serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    public Long getProductionServerId() {
        return productionServerId;
    }

    public void setProductionServerId(Long productionServerId) {
        this.productionServerId = productionServerId;
    }

    public Long getBackupServerId() {
        return backupServerId;
    }

    public void setBackupServerId(Long backupServerId) {
        this.backupServerId = backupServerId;
    }

    public int getDataVolumeGb() {
        return dataVolumeGb;
    }

    public void setDataVolumeGb(int dataVolumeGb) {
        this.dataVolumeGb = dataVolumeGb;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getTargetServerId() {
        return targetServerId;
    }

    public void setTargetServerId(Long targetServerId) {
        this.targetServerId = targetServerId;
    }
}
