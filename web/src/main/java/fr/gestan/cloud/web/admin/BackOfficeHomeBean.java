package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.security.api.JournalEntryView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The foundation's back-office tiles: tenant count, data centres, and the latest journal entries for those allowed
 * to read them; read with the other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 */
@Named
@ViewScoped
public class BackOfficeHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BackOfficeDashboardView dashboard;

    public long getTenantCount() {
        return dashboard.figures().tenantCount();
    }

    public List<DataCentreView> getDataCentres() {
        return dashboard.figures().dataCentres();
    }

    public List<JournalEntryView> getLatestJournal() {
        return dashboard.figures().latestJournal();
    }

    public boolean isJournalVisible() {
        return dashboard.journalVisible();
    }
}
