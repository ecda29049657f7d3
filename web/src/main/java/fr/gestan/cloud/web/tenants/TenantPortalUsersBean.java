package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalInvitation;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The portal users section of {@code /admin/tenants/edit} (form {@code invite}): the tenant's users, an invitation. */
@Named
@ViewScoped
public class TenantPortalUsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PortalUsers portalUsers;
    @Inject
    @Bundle("tmsg")
    Messages messages;
    @Inject
    TenantPageBean page;

    private List<String> usernames = List.of();
    private String email;
    private String firstName;
    private String lastName;
    private transient PortalInvitation invitation;

    /** View action, after the page's: the tenant's portal users. */
    public void load() {
        usernames = page.readPortalUsers();
    }

    public void invite() {
        invitation = null;
        long tenantId = page.getRecord().id();
        try {
            invitation = portalUsers.invite(tenantId, email, firstName, lastName);
            messages.info("portal.users.invited", invitation.username());
            email = null;
            firstName = null;
            lastName = null;
            usernames = portalUsers.usernames(tenantId);
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        } catch (TenantStateException | TenantNotFoundException e) {
            TenantRefusals.show(messages, e);
        } catch (EJBException e) {
            messages.fieldMessages("invite", e, TenantFields.RENAMED);
        }
    }

    /** The temporary password of the invitation just made: returned once, then forgotten. */
    public String takeInvitedPassword() {
        String password = invitation == null ? null : invitation.temporaryPassword();
        invitation = null;
        return password;
    }

    /** Keycloak e-mailed the contact a link to choose its password: no temporary password to hand over. */
    public boolean isInvitationEmailed() {
        return invitation != null && invitation.emailed();
    }

    public String getInvitedUsername() {
        return invitation == null ? null : invitation.username();
    }

    public boolean isInvitationShown() {
        return invitation != null;
    }

    public List<String> getUsernames() {
        return usernames;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }
}
