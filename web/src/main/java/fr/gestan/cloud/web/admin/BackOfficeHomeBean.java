package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.security.api.JournalEntryView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The foundation's back-office tiles: tenant count, data centres, and the latest journal entries for those allowed
 * to read them; read with the other tiles' figures in one call per view ({@link BackOfficeDashboardView}).
 * Request-scoped: the dashboard has no form, nothing to keep between requests; a view-scoped bean was created and
 * kept in the session's views at each view (docs/performance.md, "staff tenant pages and dashboards (pages10t)").
 */
@Named
@RequestScoped
public class BackOfficeHomeBean {

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
