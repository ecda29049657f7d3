package fr.gestan.cloud.web.portal;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantView;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The client's portal home: its company. */
@Named
@ViewScoped
public class PortalHomeBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;

    @Inject
    Messages messages;

    private TenantView company;

    @PostConstruct
    void load() {
        try {
            company = tenants.myCompany();
        } catch (TenantNotFoundException e) {
            messages.error("portal.company.missing");
        }
    }

    public TenantView getCompany() {
        return company;
    }
}
