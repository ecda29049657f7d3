package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.HostingInventory;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The foundation's back-office tiles: tenant count, data centres, and the latest journal entries for those allowed
 * to read them. Each figure is loaded when its tile first shows it, so a tile that is not rendered costs nothing.
 */
@Named
@ViewScoped
public class BackOfficeHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;
    @EJB
    HostingInventory inventory;
    @EJB
    JournalQuery journal;
    @Inject
    CurrentUser user;

    private Long tenantCount;
    private List<DataCentreView> dataCentres;
    private List<JournalEntryView> latestJournal;

    public long getTenantCount() {
        if (tenantCount == null) {
            tenantCount = tenants.count();
        }
        return tenantCount;
    }

    public List<DataCentreView> getDataCentres() {
        if (dataCentres == null) {
            dataCentres = inventory.dataCentres();
        }
        return dataCentres;
    }

    public List<JournalEntryView> getLatestJournal() {
        if (latestJournal == null) {
            latestJournal = isJournalVisible() ? journal.latest(10) : List.of();
        }
        return latestJournal;
    }

    public boolean isJournalVisible() {
        return user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN);
    }
}
