package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.ChangeRequestTakenException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.web.layout.DatabasePages;
import org.primefaces.model.LazyDataModel;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The staff queue of client requests: record changes (status, filter by status, assignee; paginated in the database)
 * and new passwords.
 */
@Named
@ViewScoped
public class TenantRequestsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private List<ChangeRequestView> changes;
    private List<HostedAccountView> resets;
    private String resolution;
    /** The status filter: OPEN (new and in progress, the default), NEW, IN_PROGRESS, CLOSED or ALL. */
    private String status = "OPEN";
    private final LazyDataModel<ChangeRequestView> model = new DatabasePages<>(
            () -> tenants.changeRequestCount(status),
            (first, size, sort) -> tenants.changeRequests(status, first, size),
            r -> Long.toString(r.id()), 100);

    public LazyDataModel<ChangeRequestView> getModel() {
        return model;
    }

    public List<String> getStatuses() {
        return List.of("OPEN", "NEW", "IN_PROGRESS", "CLOSED", "ALL");
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = getStatuses().contains(status) ? status : "OPEN";
    }

    /** The calling support engineer takes the request. */
    public void take(long id) {
        try {
            tenants.takeChangeRequest(id);
            messages.info("requests.taken");
        } catch (ChangeRequestTakenException e) {
            if (e.assignee() == null) {
                messages.error("requests.take.closed");
            } else {
                messages.error("requests.take.held", e.assignee());
            }
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        }
    }

    public List<ChangeRequestView> getChanges() {
        if (changes == null) {
            changes = tenants.openChangeRequests(0, 200);
        }
        return changes;
    }

    public List<HostedAccountView> getResets() {
        if (resets == null) {
            resets = accounts.pendingResetRequests(200);
        }
        return resets;
    }

    public void close(long id) {
        if (resolution == null || resolution.isBlank()) {
            messages.error("tenant.reason.required");
            return;
        }
        try {
            tenants.closeChangeRequest(id, resolution);
            messages.info("requests.closed");
            resolution = null;
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        }
        changes = null;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }
}
