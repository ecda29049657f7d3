package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.web.admin.BackOfficeDashboardView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The back-office home's hosting tile: servers in alert (metrics above a threshold), read with the other tiles'
 * figures in one call per view ({@link BackOfficeDashboardView}).
 */
@Named
@RequestScoped
public class HostingTileBean {

    @Inject
    BackOfficeDashboardView dashboard;

    public List<ServerView> getAlerts() {
        return dashboard.figures().alerts();
    }
}
