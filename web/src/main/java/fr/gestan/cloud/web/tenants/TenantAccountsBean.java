package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.web.i18n.Messages;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.IssuedSecret;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The hosted accounts section of {@code /admin/tenants/edit} (forms {@code accounts} and {@code reveal}): the list,
 * creation, reset and reveal of a secret, which the page shows in one response only.
 */
@Named
@ViewScoped
public class TenantAccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "accounts";
    static final String REVEAL_FORM = "reveal";
    /** The reveal's reason argument is the reveal form's field {@code reason}. */
    static final java.util.Map<String, String> REVEAL_FIELDS = java.util.Map.of("reveal.reason", "reason", "reason", "reason");

    @EJB
    HostedAccounts accounts;
    @Inject
    @Bundle("tmsg")
    Messages messages;
    @Inject
    TenantPageBean page;

    private List<HostedAccountView> list = List.of();
    private String holderName;
    private String revealReason;
    private Long revealAccountId;
    /** A secret to show once (after creation, reset or reveal); cleared when the page moves on. */
    private transient String shownSecret;
    private String shownLogin;

    /** View action, after the page's: the tenant's hosted accounts. */
    public void load() {
        list = page.readAccounts();
    }

    public void create() {
        shownSecret = null;
        if (holderName == null || holderName.isBlank()) {
            messages.error("account.holder.required");
            return;
        }
        long tenantId = page.getRecord().id();
        try {
            show(accounts.create(tenantId, holderName.strip()));
            holderName = null;
            list = accounts.ofTenant(tenantId);
        } catch (CredentialClearanceException e) {
            messages.error("account.clearance.refused");
        } catch (TenantStateException | TenantNotFoundException e) {
            TenantRefusals.show(messages, e);
        } catch (EJBException e) {
            messages.fieldMessages(FORM, e, TenantFields.RENAMED);
        }
    }

    public void reset(long accountId) {
        shownSecret = null;
        try {
            show(accounts.reset(accountId, messages.text("account.reset.reason.staff")));
            list = accounts.ofTenant(page.getRecord().id());
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
            messages.error("account.notFound");
            return;
        }
        if (revealReason == null || revealReason.isBlank()) {
            // said next to the field, not silently ignored (issue 21 item 4); the service checks it again
            messages.fieldError(REVEAL_FORM, "reason", "account.reveal.reason.missing");
            return;
        }
        try {
            shownSecret = accounts.reveal(revealAccountId, revealReason == null ? "" : revealReason);
            shownLogin = list.stream().filter(a -> a.id() == revealAccountId).map(HostedAccountView::login).findFirst().orElse("");
            revealReason = null;
        } catch (CredentialClearanceException e) {
            messages.error("account.clearance.refused");
        } catch (SecretUnavailableException e) {
            messages.error(e.expired() ? "account.secret.expired" : "account.secret.unavailable");
        } catch (AccountNotFoundException e) {
            messages.error("account.notFound");
        } catch (EJBException e) {
            messages.fieldMessages(REVEAL_FORM, e, REVEAL_FIELDS);
        }
    }

    private void show(IssuedSecret issued) {
        shownSecret = issued.secret();
        shownLogin = issued.account().login();
        messages.info("account.secret.once", shownLogin);
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

    public List<HostedAccountView> getList() {
        return list;
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
