package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Paris;
import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.common.notify.Notice;
import fr.gestan.cloud.common.notify.Notifications;
import fr.gestan.cloud.security.api.CredentialClearanceException;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.security.api.StaffClearance;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import fr.gestan.cloud.tenants.api.HostedAccountView;
import fr.gestan.cloud.tenants.api.HostedAccounts;
import fr.gestan.cloud.tenants.api.IssuedSecret;
import fr.gestan.cloud.tenants.api.SecretUnavailableException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

@Stateless
@RolesAllowed(Roles.SUPPORT)
public class HostedAccountsBean extends TenantsServiceBase implements HostedAccounts {

    /** Days an issued secret stays valid before it must have been changed (system property). */
    static final String EXPIRY_PROPERTY = "gestan.tenants.secret-expiry-days";
    static final int DEFAULT_EXPIRY_DAYS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    Notifications notifications;

    @EJB
    StaffClearance clearance;

    @EJB
    SecurityPolicies policies;

    @Override
    public IssuedSecret create(long tenantId, String holderName)
            throws TenantNotFoundException, TenantStateException, CredentialClearanceException {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + tenantId);
        }
        // Checked (and a refusal journaled) before anything is written.
        clearance.requireCredentialClearance(tenant.siren(), "new account for " + holderName.strip());
        if (tenant.state() != TenantState.ACTIVE) {
            throw new TenantStateException(tenant.state(), "create an account for");
        }
        String login = freeLogin(holderName, tenant.siren());
        HostedAccount account = new HostedAccount(tenant, login, holderName, clock.instant());
        char[] secret = issue(account);
        try {
            em.persist(account);
            em.flush();
            journal.record(JournalEvent.success("ACCOUNT_CREATED", tenant.siren(), login));
            return new IssuedSecret(account.toView(), new String(secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private String freeLogin(String holderName, String siren) {
        for (int attempt = 1; ; attempt++) {
            String login = HostedAccount.loginFor(holderName, siren, attempt);
            if (em.createNamedQuery(HostedAccount.LOGIN_TAKEN, Long.class).setParameter("login", login).getSingleResult() == 0) {
                return login;
            }
        }
    }

    /** Draws a secret per the policy in effect, stores it encrypted on the account, returns the plaintext. */
    private char[] issue(HostedAccount account) {
        PolicySettings policy = policies.current().settings();
        char[] secret = new SecretGenerator(RANDOM, policy.credentialMinLength(), policy.credentialMinClasses()).next();
        account.issue(SecretCipher.current().encrypt(secret, account.cipherRef()), clock.instant(),
                LocalDate.now(clock.withZone(Paris.ZONE)).plusDays(Integer.getInteger(EXPIRY_PROPERTY, DEFAULT_EXPIRY_DAYS)));
        return secret;
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<HostedAccountView> ofTenant(long tenantId) throws TenantNotFoundException {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + tenantId);
        }
        return HostedAccount.viewsOf(em, tenant);
    }

    @Override
    public String reveal(long accountId, String reason)
            throws AccountNotFoundException, SecretUnavailableException, CredentialClearanceException {
        HostedAccount account = find(accountId);
        clearance.requireCredentialClearance(account.tenant().siren(), account.login());
        byte[] stored = account.secretCiphertext();
        if (stored == null) {
            throw new SecretUnavailableException(account.login());
        }
        // An initial secret past its expiry is dead: it must be reset, not handed out (the expiry used to exist on screen only).
        if (account.toView().expired(LocalDate.now(clock.withZone(Paris.ZONE)))) {
            throw new SecretUnavailableException(account.login(), true);
        }
        char[] secret = SecretCipher.current().decrypt(stored, account.cipherRef());
        try {
            long entry = journal.record(new JournalEvent("SECRET_REVEALED", account.tenant().siren(), account.login(),
                    JournalEvent.Outcome.SUCCESS, reason.strip()));
            notifications.publish(Notice.staffAccess(account.tenant().siren(), "SECRET_REVEALED", account.login(), reason.strip(), entry));
            return new String(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public IssuedSecret reset(long accountId, String reason)
            throws AccountNotFoundException, TenantStateException, CredentialClearanceException {
        HostedAccount account = find(accountId);
        clearance.requireCredentialClearance(account.tenant().siren(), account.login());
        if (account.tenant().state() != TenantState.ACTIVE) {
            throw new TenantStateException(account.tenant().state(), "reset an account of");
        }
        char[] secret = issue(account);
        try {
            em.flush();
            long entry = journal.record(new JournalEvent("SECRET_RESET", account.tenant().siren(), account.login(),
                    JournalEvent.Outcome.SUCCESS, reason.strip()));
            notifications.publish(Notice.staffAccess(account.tenant().siren(), "SECRET_RESET", account.login(), reason.strip(), entry));
            return new IssuedSecret(account.toView(), new String(secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<HostedAccountView> myAccounts() throws TenantNotFoundException {
        return callersAccounts().stream().map(HostedAccount::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public HostedAccountView markChanged(long accountId) throws AccountNotFoundException {
        return byClient(accountId, "SECRET_CHANGED_BY_CLIENT", HostedAccount::markChanged);
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public HostedAccountView requestReset(long accountId) throws AccountNotFoundException {
        return byClient(accountId, "SECRET_RESET_REQUESTED", HostedAccount::requestReset);
    }

    /** A client's own action on one of its company's accounts, journaled. */
    private HostedAccountView byClient(long accountId, String action, BiConsumer<HostedAccount, Instant> change) throws AccountNotFoundException {
        HostedAccount account = callersAccount(accountId);
        change.accept(account, clock.instant());
        em.flush();
        journal.record(JournalEvent.success(action, account.tenant().siren(), account.login()));
        return account.toView();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<HostedAccountView> pendingResetRequests(int max) {
        return em.createNamedQuery(HostedAccount.RESET_REQUESTED, HostedAccount.class).setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultList().stream().map(HostedAccount::toView).toList();
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public long pendingResetRequestCount() {
        return PendingCountsCache.resetRequests(() -> em.createNamedQuery(HostedAccount.RESET_REQUESTED_COUNT, Long.class).getSingleResult());
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<HostedAccountView> overdueInitialSecrets(int max) {
        return em.createNamedQuery(HostedAccount.OVERDUE, HostedAccount.class).setParameter("today", LocalDate.now(clock.withZone(Paris.ZONE)))
                .setMaxResults(Math.max(1, Math.min(max, 500))).getResultList().stream().map(HostedAccount::toView).toList();
    }

    private List<HostedAccount> callersAccounts() {
        return em.createNamedQuery(HostedAccount.OF_USER, HostedAccount.class)
                .setParameter("username", actor()).getResultList();
    }

    /** One of the caller's own accounts; another tenant's account is "not found", like a missing one. */
    private HostedAccount callersAccount(long accountId) throws AccountNotFoundException {
        return callersAccounts().stream().filter(a -> a.id() == accountId).findFirst()
                .orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    private HostedAccount find(long accountId) throws AccountNotFoundException {
        HostedAccount account = em.find(HostedAccount.class, accountId);
        if (account == null) {
            throw new AccountNotFoundException(accountId);
        }
        return account;
    }
}
