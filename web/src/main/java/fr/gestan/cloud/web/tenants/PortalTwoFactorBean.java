package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalUserView;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** {@code /portal/tenants/users}: the company's portal users and their two-factor sign-in, which a contact turns on. */
@Named
@ViewScoped
public class PortalTwoFactorBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PortalUsers portalUsers;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private List<PortalUserView> users = List.of();

    /** View action: the company's portal users. */
    public void load() {
        try {
            users = portalUsers.mine();
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        }
    }

    public void requireTwoFactor(String username) {
        try {
            portalUsers.requireTwoFactor(username);
            messages.info("portal.twofactor.required", username);
        } catch (TenantNotFoundException e) {
            messages.error("portal.twofactor.notFound");
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        }
        load();
    }

    public List<PortalUserView> getUsers() {
        return users;
    }
}
