package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The state section of {@code /admin/tenants/edit} (form {@code state}): suspend, reactivate, terminate, with a reason. */
@Named
@ViewScoped
public class TenantStateBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TenantService tenants;
    @Inject
    @Bundle("tmsg")
    Messages messages;
    @Inject
    TenantPageBean page;

    private String reason;

    /** One of the service's state changes. */
    @FunctionalInterface
    private interface Change {
        TenantRecord apply(long id, String reason) throws TenantNotFoundException, TenantStateException, PortalDirectoryException;
    }

    public void suspend() {
        change(tenants::suspend);
    }

    public void reactivate() {
        change(tenants::reactivate);
    }

    public void terminate() {
        change(tenants::terminate);
    }

    private void change(Change change) {
        if (reason == null || reason.isBlank()) {
            messages.error("tenant.reason.required");
            return;
        }
        try {
            TenantRecord changed = change.apply(page.getRecord().id(), reason);
            page.show(changed);
            reason = null;
            messages.info("tenant.state.changed." + changed.state());
        } catch (TenantStateException | TenantNotFoundException e) {
            TenantRefusals.show(messages, e);
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        }
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
