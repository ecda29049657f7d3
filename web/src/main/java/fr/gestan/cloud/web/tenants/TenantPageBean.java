package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.layout.Permissions;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantOverview;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantState;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The tenant of {@code /admin/tenants/edit?id=}, shared by the page's sections: the record form
 * ({@link TenantFormBean}), its state ({@link TenantStateBean}), its portal users ({@link TenantPortalUsersBean}) and
 * its hosted accounts ({@link TenantAccountsBean}). Without {@code id} the page creates a tenant.
 */
@Named
@ViewScoped
public class TenantPageBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fired when the page shows a record, as read or as a change returned it: the record form fills itself from it. */
    public record Shown(TenantRecord record) {
    }

    @EJB
    TenantService tenants;
    @Inject
    @Bundle("tmsg")
    Messages messages;
    @Inject
    Event<Shown> shown;
    @Inject
    Permissions may;

    private Long id;
    private TenantRecord record;
    private List<HostedAccountView> accounts = List.of();
    private List<String> portalUsers = List.of();

    /**
     * View action: loads the tenant named by the {@code id} parameter, with what its sections show (one call: 3
     * statements where a call per section took 5), or leaves the page to create one.
     */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            TenantOverview overview = tenants.overview(id);
            accounts = overview.accounts();
            portalUsers = overview.portalUsers();
            show(overview.record());
        } catch (TenantNotFoundException e) {
            notFound();
        }
    }

    /** The shown tenant's hosted accounts as the page read them; none when creating. */
    List<HostedAccountView> readAccounts() {
        return accounts;
    }

    /** The shown tenant's portal users as the page read them; none when creating. */
    List<String> readPortalUsers() {
        return portalUsers;
    }

    /** The record to show from now on (after reading it or changing it). */
    void show(TenantRecord changed) {
        record = changed;
        shown.fire(new Shown(changed));
    }

    /** The tenant disappeared: says so, and the page no longer shows it. */
    private void notFound() {
        messages.error("tenant.notFound");
        record = null;
        id = null;
        accounts = List.of();
        portalUsers = List.of();
    }

    /** Staff who may change tenants, on a tenant that is not terminated. */
    public boolean isEditable() {
        return may.isManageTenants() && (record == null || record.state() != TenantState.TERMINATED);
    }

    public boolean isCreating() {
        return record == null;
    }

    public TenantRecord getRecord() {
        return record;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
