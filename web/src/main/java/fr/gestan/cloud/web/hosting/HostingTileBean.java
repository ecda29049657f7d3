package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.Monitoring;
import fr.gestan.cloud.hosting.api.ServerView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The back-office home's hosting tile: servers in alert (metrics above a threshold). */
@Named
@RequestScoped
public class HostingTileBean {

    @EJB
    Monitoring monitoring;

    private List<ServerView> alerts;

    public List<ServerView> getAlerts() {
        if (alerts == null) {
            alerts = monitoring.alerts();
        }
        return alerts;
    }
}
