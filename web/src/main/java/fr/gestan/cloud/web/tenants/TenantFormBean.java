package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.ConcurrentEditException;
import fr.gestan.cloud.tenants.api.DuplicateSirenException;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.HostedDataKind;
import fr.gestan.cloud.tenants.api.IssuedSecret;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalInvitation;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.PostalAddress;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import fr.gestan.cloud.tenants.api.TenantDetails;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantRecord;
import fr.gestan.cloud.tenants.api.TenantService;
import fr.gestan.cloud.tenants.api.TenantStateException;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Creating and editing a tenant ({@code /admin/tenants/edit?id=}), its state changes and its hosted accounts.
 * The same Bean Validation constraints as the service run first, so each bad field gets its own message.
 */
@Named
@ViewScoped
public class TenantFormBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "tenant";

    @EJB
    transient TenantService tenants;
    @EJB
    transient HostedAccounts accounts;
    @EJB
    transient PortalUsers portalUsers;
    @Inject
    transient Validator validator;
    @Inject
    @Bundle("tmsg")
    Messages messages;

    private Long id;
    private TenantRecord record;
    private String legalName;
    private String siren;
    private String siret;
    private String vatNumber;
    private String line1;
    private String line2;
    private String postalCode;
    private String city;
    private String countryCode = "FR";
    private ContactForm administrative = new ContactForm();
    private ContactForm billing = new ContactForm();
    private ContactForm technical = new ContactForm();
    private HostedDataKind[] dataKinds = new HostedDataKind[0];
    private String stateReason;
    private List<HostedAccountView> accountList = List.of();
    private String holderName;
    private String revealReason;
    private Long revealAccountId;
    /** A secret to show once (after creation, reset or reveal); cleared when the page moves on. */
    private transient String shownSecret;
    private String shownLogin;
    private List<String> portalUsernames = List.of();
    private String inviteEmail;
    private String inviteFirstName;
    private String inviteLastName;
    private transient PortalInvitation invitation;

    /** View action: loads the tenant named by the {@code id} parameter, or prepares an empty form. */
    public void load() {
        if (id == null) {
            return;
        }
        try {
            fill(tenants.get(id));
            accountList = accounts.ofTenant(id);
            portalUsernames = portalUsers.usernames(id);
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
            record = null;
            id = null;
        }
    }

    private void fill(TenantRecord r) {
        record = r;
        TenantDetails d = r.details();
        legalName = d.legalName();
        siren = d.siren();
        siret = d.siret();
        vatNumber = d.vatNumber();
        if (d.address() != null) {
            line1 = d.address().line1();
            line2 = d.address().line2();
            postalCode = d.address().postalCode();
            city = d.address().city();
            countryCode = d.address().countryCode();
        }
        administrative = ContactForm.of(d.administrative());
        billing = ContactForm.of(d.billing());
        technical = ContactForm.of(d.technical());
        dataKinds = d.dataKinds().toArray(new HostedDataKind[0]);
    }

    private TenantDetails details() {
        return new TenantDetails(legalName, siren, siret, vatNumber,
                new PostalAddress(line1, line2, postalCode, city, countryCode == null ? null : countryCode.strip().toUpperCase()),
                administrative.toContact(), billing.toContact(), technical.toContact(),
                dataKinds == null || dataKinds.length == 0 ? Set.of() : EnumSet.copyOf(List.of(dataKinds)));
    }

    public String save() {
        TenantDetails details = details();
        Set<ConstraintViolation<TenantDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            messages.fieldMessages(FORM, violations, TenantFields.RENAMED);
            return null;
        }
        try {
            if (record == null) {
                TenantRecord created = tenants.create(details);
                messages.info("tenant.created", created.legalName());
                return "/admin/tenants/edit?faces-redirect=true&id=" + created.id();
            }
            fill(tenants.update(record.id(), record.version(), details));
            messages.info("tenant.saved");
        } catch (DuplicateSirenException e) {
            messages.error("tenant.duplicate", e.siren());
        } catch (ConcurrentEditException e) {
            messages.error("tenant.concurrent");
        } catch (TenantStateException e) {
            messages.error("tenant.state.refused." + e.from());
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (EJBException e) {
            Set<ConstraintViolation<?>> refused = Messages.violationsOf(e);
            if (refused == null) {
                throw e;
            }
            messages.fieldMessages(FORM, refused, TenantFields.RENAMED);
        }
        return null;
    }

    public void suspend() {
        changeState("suspend");
    }

    public void reactivate() {
        changeState("reactivate");
    }

    public void terminate() {
        changeState("terminate");
    }

    private void changeState(String change) {
        if (stateReason == null || stateReason.isBlank()) {
            messages.error("tenant.reason.required");
            return;
        }
        try {
            TenantRecord changed = switch (change) {
                case "suspend" -> tenants.suspend(record.id(), stateReason);
                case "reactivate" -> tenants.reactivate(record.id(), stateReason);
                default -> tenants.terminate(record.id(), stateReason);
            };
            fill(changed);
            stateReason = null;
            messages.info("tenant.state.changed." + changed.state());
        } catch (TenantStateException e) {
            messages.error("tenant.state.refused." + e.from());
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        }
    }

    public void invite() {
        invitation = null;
        try {
            invitation = portalUsers.invite(record.id(), inviteEmail, inviteFirstName, inviteLastName);
            messages.info("portal.users.invited", invitation.username());
            inviteEmail = null;
            inviteFirstName = null;
            inviteLastName = null;
            portalUsernames = portalUsers.usernames(record.id());
        } catch (PortalDirectoryException e) {
            messages.error("portal.users.error." + e.reason());
        } catch (TenantStateException e) {
            messages.error("tenant.state.refused." + e.from());
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (EJBException e) {
            Set<ConstraintViolation<?>> refused = Messages.violationsOf(e);
            if (refused == null) {
                throw e;
            }
            messages.fieldMessages("invite", refused, TenantFields.RENAMED);
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

    public List<String> getPortalUsernames() {
        return portalUsernames;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public String getInviteFirstName() {
        return inviteFirstName;
    }

    public void setInviteFirstName(String inviteFirstName) {
        this.inviteFirstName = inviteFirstName;
    }

    public String getInviteLastName() {
        return inviteLastName;
    }

    public void setInviteLastName(String inviteLastName) {
        this.inviteLastName = inviteLastName;
    }

    public void createAccount() {
        shownSecret = null;
        if (holderName == null || holderName.isBlank()) {
            messages.error("account.holder.required");
            return;
        }
        try {
            IssuedSecret issued = accounts.create(record.id(), holderName.strip());
            show(issued);
            holderName = null;
            accountList = accounts.ofTenant(record.id());
        } catch (CredentialClearanceException e) {
            messages.error("account.clearance.refused");
        } catch (TenantStateException e) {
            messages.error("tenant.state.refused." + e.from());
        } catch (TenantNotFoundException e) {
            messages.error("tenant.notFound");
        } catch (EJBException e) {
            invalid(e);
        }
    }

    public void reset(long accountId) {
        shownSecret = null;
        try {
            show(accounts.reset(accountId, messages.text("account.reset.reason.staff")));
            accountList = accounts.ofTenant(record.id());
        } catch (CredentialClearanceException e) {
            messages.error("account.clearance.refused");
        } catch (TenantStateException e) {
            messages.error("tenant.state.refused." + e.from());
        } catch (AccountNotFoundException | TenantNotFoundException e) {
            messages.error("account.notFound");
        }
    }

    public void reveal() {
        shownSecret = null;
        if (revealAccountId == null) {
            return;
        }
        try {
            shownSecret = accounts.reveal(revealAccountId, revealReason == null ? "" : revealReason);
            shownLogin = accountList.stream().filter(a -> a.id() == revealAccountId).map(HostedAccountView::login).findFirst().orElse("");
            revealReason = null;
        } catch (CredentialClearanceException e) {
            messages.error("account.clearance.refused");
        } catch (SecretUnavailableException e) {
            messages.error("account.secret.unavailable");
        } catch (AccountNotFoundException e) {
            messages.error("account.notFound");
        } catch (EJBException e) {
            invalid(e);
        }
    }

    private void show(IssuedSecret issued) {
        shownSecret = issued.secret();
        shownLogin = issued.account().login();
        messages.info("account.secret.once", shownLogin);
    }

    private void invalid(EJBException e) {
        Set<ConstraintViolation<?>> refused = Messages.violationsOf(e);
        if (refused == null) {
            throw e;
        }
        messages.fieldMessages("accounts", refused, TenantFields.RENAMED);
    }

    /** Returns the secret to show and forgets it: it appears in one response only. */
    public String takeShownSecret() {
        String secret = shownSecret;
        shownSecret = null;
        return secret;
    }

    public boolean isSecretShown() {
        return shownSecret != null;
    }

    public String getShownLogin() {
        return shownLogin;
    }

    /** Staff who may change tenants, on a tenant that is not terminated. */
    public boolean isEditable() {
        jakarta.faces.context.ExternalContext context = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        boolean staff = context.isUserInRole("support") || context.isUserInRole("admin");
        return staff && (record == null || record.state() != fr.gestan.cloud.tenants.api.TenantState.TERMINATED);
    }

    public boolean isCreating() {
        return record == null;
    }

    public HostedDataKind[] getAllDataKinds() {
        return HostedDataKind.values();
    }

    public TenantRecord getRecord() {
        return record;
    }

    public List<HostedAccountView> getAccountList() {
        return accountList;
    }

    // --- form fields

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getSiren() {
        return siren;
    }

    public void setSiren(String siren) {
        this.siren = siren;
    }

    public String getSiret() {
        return siret;
    }

    public void setSiret(String siret) {
        this.siret = siret;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public void setVatNumber(String vatNumber) {
        this.vatNumber = vatNumber;
    }

    public String getLine1() {
        return line1;
    }

    public void setLine1(String line1) {
        this.line1 = line1;
    }

    public String getLine2() {
        return line2;
    }

    public void setLine2(String line2) {
        this.line2 = line2;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public ContactForm getAdministrative() {
        return administrative;
    }

    public ContactForm getBilling() {
        return billing;
    }

    public ContactForm getTechnical() {
        return technical;
    }

    public HostedDataKind[] getDataKinds() {
        return dataKinds;
    }

    public void setDataKinds(HostedDataKind[] dataKinds) {
        this.dataKinds = dataKinds == null ? new HostedDataKind[0] : dataKinds.clone();
    }

    public String getStateReason() {
        return stateReason;
    }

    public void setStateReason(String stateReason) {
        this.stateReason = stateReason;
    }

    public String getHolderName() {
        return holderName;
    }

    public void setHolderName(String holderName) {
        this.holderName = holderName;
    }

    public String getRevealReason() {
        return revealReason;
    }

    public void setRevealReason(String revealReason) {
        this.revealReason = revealReason;
    }

    public Long getRevealAccountId() {
        return revealAccountId;
    }

    public void setRevealAccountId(Long revealAccountId) {
        this.revealAccountId = revealAccountId;
    }
}
