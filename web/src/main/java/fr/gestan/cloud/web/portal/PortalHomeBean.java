package fr.gestan.cloud.web.portal;

import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.signin.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The client's portal home: its company. Request-scoped: the dashboard's refresh button reads its tiles again, and a
 * view-scoped bean cost its creation in the view's map at every view (docs/performance.md, "client dashboard and journal page").
 */
@Named
@RequestScoped
public class PortalHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The caller's company, read once per request for the header and the tiles (docs/performance.md, client19). */
    @Inject
    CurrentUser user;

    @Inject
    Messages messages;

    private TenantView company;

    @PostConstruct
    void load() {
        company = user.getCompany();
        if (company == null) {
            messages.error("portal.company.missing");
        }
    }

    public TenantView getCompany() {
        return company;
    }
}
