package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.contracts.api.DataCentreView;
import fr.gestan.cloud.contracts.api.HostingInventory;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.JournalQuery;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.security.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The staff back-office home: counts and the latest journal entries for those allowed to read them. */
@Named
@ViewScoped
public class BackOfficeHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient TenantService tenants;
    @EJB
    transient HostingInventory inventory;
    @EJB
    transient JournalQuery journal;
    @Inject
    CurrentUser user;

    private long tenantCount;
    private List<DataCentreView> dataCentres;
    private List<JournalEntryView> latestJournal = List.of();

    @PostConstruct
    void load() {
        tenantCount = tenants.count();
        dataCentres = inventory.dataCentres();
        if (user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN)) {
            latestJournal = journal.latest(10);
        }
    }

    public long getTenantCount() {
        return tenantCount;
    }

    public List<DataCentreView> getDataCentres() {
        return dataCentres;
    }

    public List<JournalEntryView> getLatestJournal() {
        return latestJournal;
    }

    public boolean isJournalVisible() {
        return user.hasRole(Roles.AUDITOR) || user.hasRole(Roles.ADMIN);
    }
}
