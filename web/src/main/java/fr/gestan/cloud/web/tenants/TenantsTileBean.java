package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.admin.BackOfficeDashboardView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The back-office home's tenants tile: open change requests and pending password resets, read with the other tiles'
 * figures in one call per view ({@link BackOfficeDashboardView}). Request-scoped, as the other tiles' beans: the tile
 * took its figure from the requests page's view-scoped bean, created (and kept in the session's views) for each view
 * of the dashboard (docs/performance.md, "staff tenant pages and dashboards (pages10t)").
 */
@Named
@RequestScoped
public class TenantsTileBean {

    @Inject
    BackOfficeDashboardView dashboard;

    public long getPendingCount() {
        return dashboard.figures().pendingRequests();
    }
}
