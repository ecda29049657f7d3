package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.ChangeRequestView;
import fr.gestan.cloud.tenants.api.Contact;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The client's pages "My company" (read-only, change requests) and "My logins" (no secrets); "Export my data" is
 * {@link PortalExportBean}'s.
 * The company is always the signed-in client's own: the services resolve it, never a request parameter.
 */
@Named
@ViewScoped
public class PortalCompanyBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The security contact's fields, whether the validator names the argument by its name or as arg0. */
    private static final java.util.Map<String, String> CONTACT_FIELDS = java.util.Map.of(
            "setMySecurityContact.contact.name", "name", "setMySecurityContact.contact.email", "email",
            "setMySecurityContact.contact.phone", "phone");

    @EJB
    TenantService tenants;
    @EJB
    HostedAccounts accounts;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private TenantRecord company;
    private List<ChangeRequestView> requests = List.of();
    private List<HostedAccountView> accountList = List.of();
    private String changeText;
    /** The company's own security contact (empty: none, the administrative contact receives the notices). */
    private ContactForm securityContact = new ContactForm();

    @PostConstruct
    void load() {
        try {
            company = tenants.myCompanyRecord();
            requests = tenants.myChangeRequests();
            accountList = accounts.myAccounts();
            securityContact = ContactForm.of(tenants.mySecurityContact().orElse(null));
        } catch (TenantNotFoundException e) {
            company = null;
        }
    }

    /** Saves the security contact, who receives the notices of staff access to the company's data; empty removes it. */
    public void saveSecurityContact() {
        try {
            Contact contact = securityContact.toContact();
            tenants.setMySecurityContact(contact.isEmpty() ? null : contact);
            messages.info(contact.isEmpty() ? "portal.company.security.removed" : "portal.company.security.saved");
            load();
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (EJBException e) {
            messages.fieldMessages("security", e, CONTACT_FIELDS);
        }
    }

    public ContactForm getSecurityContact() {
        return securityContact;
    }

    public void requestChange() {
        if (changeText == null || changeText.isBlank()) {
            messages.error("portal.company.change.required");
            return;
        }
        try {
            tenants.requestChange(changeText);
            changeText = null;
            messages.info("portal.company.change.sent");
            load();
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (EJBException e) {
            messages.fieldMessages("change", e, TenantFields.RENAMED);
        }
    }

    public void markChanged(long accountId) {
        try {
            HostedAccountView changed = accounts.markChanged(accountId);
            messages.info("portal.accounts.markedChanged", changed.changedAt());
            load();
        } catch (AccountNotFoundException e) {
            messages.error("account.notFound");
        }
    }

    public void requestReset(long accountId) {
        try {
            accounts.requestReset(accountId);
            messages.info("portal.accounts.resetRequested");
            load();
        } catch (AccountNotFoundException e) {
            messages.error("account.notFound");
        }
    }

    public TenantRecord getCompany() {
        return company;
    }

    public List<ChangeRequestView> getRequests() {
        return requests;
    }

    public List<HostedAccountView> getAccountList() {
        return accountList;
    }

    public String getChangeText() {
        return changeText;
    }

    public void setChangeText(String changeText) {
        this.changeText = changeText;
    }
}
