package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.hosting.api.IncidentImpact;
import fr.gestan.cloud.hosting.api.IncidentState;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.MaintenanceView;
import fr.gestan.cloud.hosting.api.NewIncident;
import fr.gestan.cloud.hosting.api.NewMaintenance;
import fr.gestan.cloud.hosting.api.ServerStatus;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;

/** Staff manage incidents (open, post updates up to resolved) and maintenance windows of the status page. */
@Named
@ViewScoped
public class StatusAdminBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ServerStatus status;
    @EJB
    HostingInventory inventory;
    @Inject
    @Bundle("hmsg")
    Messages messages;

    private List<ServerView> servers;
    private List<IncidentView> active;
    private List<IncidentView> latest;
    private List<MaintenanceView> maintenances;

    private String title;
    private IncidentImpact impact = IncidentImpact.MINOR;
    private String message;
    private List<Long> serverIds = List.of();

    private Long updateIncidentId;
    private IncidentState updateState = IncidentState.IDENTIFIED;
    private String updateMessage;

    private String maintTitle;
    private String maintDescription;
    private LocalDateTime maintStart;
    private LocalDateTime maintEnd;
    private List<Long> maintServerIds = List.of();

    @PostConstruct
    void load() {
        servers = inventory.servers();
        active = status.activeIncidents(); // the incidents not resolved: one statement, not the whole board
        latest = status.latestIncidents(10);
        maintenances = status.openMaintenances();
    }

    public void open() {
        try {
            IncidentView opened = status.openIncident(new NewIncident(title, impact, message, new HashSet<>(serverIds)));
            messages.info("statusAdmin.opened", opened.id());
            title = message = null;
            serverIds = List.of();
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void postUpdate() {
        if (updateIncidentId == null) {
            messages.error("statusAdmin.pick");
            return;
        }
        try {
            status.postUpdate(updateIncidentId, updateState, updateMessage);
            messages.info("statusAdmin.updated", updateIncidentId);
            updateMessage = null;
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void schedule() {
        try {
            status.scheduleMaintenance(new NewMaintenance(maintTitle, maintDescription,
                    maintStart == null ? null : maintStart.atZone(Paris.ZONE).toInstant(), maintEnd == null ? null : maintEnd.atZone(Paris.ZONE).toInstant(),
                    new HashSet<>(maintServerIds)));
            messages.info("statusAdmin.scheduled");
            maintTitle = maintDescription = null;
            maintStart = maintEnd = null;
            maintServerIds = List.of();
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public void advance(MaintenanceView maintenance) {
        try {
            status.advanceMaintenance(maintenance.id());
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    public IncidentImpact[] getImpacts() {
        return IncidentImpact.values();
    }

    public IncidentState[] getStates() {
        return IncidentState.values();
    }

    public List<ServerView> getServers() {
        return servers;
    }

    public List<IncidentView> getActive() {
        return active;
    }

    public List<IncidentView> getLatest() {
        return latest;
    }

    public List<MaintenanceView> getMaintenances() {
        return maintenances;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public IncidentImpact getImpact() {
        return impact;
    }

    public void setImpact(IncidentImpact impact) {
        this.impact = impact;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<Long> getServerIds() {
        return serverIds;
    }

    public void setServerIds(List<Long> serverIds) {
        this.serverIds = serverIds;
    }

    public Long getUpdateIncidentId() {
        return updateIncidentId;
    }

    public void setUpdateIncidentId(Long updateIncidentId) {
        this.updateIncidentId = updateIncidentId;
    }

    public IncidentState getUpdateState() {
        return updateState;
    }

    public void setUpdateState(IncidentState updateState) {
        this.updateState = updateState;
    }

    public String getUpdateMessage() {
        return updateMessage;
    }

    public void setUpdateMessage(String updateMessage) {
        this.updateMessage = updateMessage;
    }

    public String getMaintTitle() {
        return maintTitle;
    }

    public void setMaintTitle(String maintTitle) {
        this.maintTitle = maintTitle;
    }

    public String getMaintDescription() {
        return maintDescription;
    }

    public void setMaintDescription(String maintDescription) {
        this.maintDescription = maintDescription;
    }

    public LocalDateTime getMaintStart() {
        return maintStart;
    }

    public void setMaintStart(LocalDateTime maintStart) {
        this.maintStart = maintStart;
    }

    public LocalDateTime getMaintEnd() {
        return maintEnd;
    }

    public void setMaintEnd(LocalDateTime maintEnd) {
        this.maintEnd = maintEnd;
    }

    public List<Long> getMaintServerIds() {
        return maintServerIds;
    }

    public void setMaintServerIds(List<Long> maintServerIds) {
        this.maintServerIds = maintServerIds;
    }
}
