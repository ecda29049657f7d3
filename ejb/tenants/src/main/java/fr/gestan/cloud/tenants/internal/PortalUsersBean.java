package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.security.api.PolicySettings;
import fr.gestan.cloud.security.api.SecurityPolicies;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.PortalInvitation;
import fr.gestan.cloud.tenants.api.PortalUsers;
import fr.gestan.cloud.tenants.api.PortalUserView;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@Stateless
@RolesAllowed({Roles.SUPPORT, Roles.ADMIN})
public class PortalUsersBean extends TenantsServiceBase implements PortalUsers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(PortalUsersBean.class.getName());

    @EJB
    PortalDirectory directory;

    @EJB
    SecurityPolicies policies;

    @Override
    public PortalInvitation invite(long tenantId, String email, String firstName, String lastName)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + tenantId);
        }
        if (tenant.state() != TenantState.ACTIVE) {
            throw new TenantStateException(tenant.state(), "invite a portal user of");
        }
        String username = email.strip().toLowerCase(Locale.ROOT);
        if (em.createNamedQuery(PortalAccount.USERNAME_TAKEN, Long.class).setParameter("username", username).getSingleResult() > 0) {
            throw new PortalDirectoryException(PortalDirectoryException.Reason.USER_EXISTS, "user exists: " + username, null);
        }
        // The link first (a unique username), then Keycloak: if Keycloak fails, the link is rolled back.
        em.persist(new PortalAccount(username, tenant));
        em.flush();
        PolicySettings policy = policies.current().settings();
        // Four classes whatever the policy: the realm's password policy wants a digit, a symbol and both cases.
        char[] password = new SecretGenerator(RANDOM, policy.credentialMinLength(), 4).next();
        try {
            directory.createClientUser(username, username, firstName.strip(), lastName.strip(), tenant.siren(), password);
            // Where Keycloak can send e-mail, the contact gets a link to choose its password and nobody ever sees
            // the temporary one; if sending fails, staff hand over the temporary password as without mail.
            if (emailLink(username)) {
                journal.record(JournalEvent.success("PORTAL_USER_INVITED", tenant.siren(), username + " (e-mail link)"));
                return new PortalInvitation(username, tenant.siren(), null, true);
            }
            journal.record(JournalEvent.success("PORTAL_USER_INVITED", tenant.siren(), username));
            return new PortalInvitation(username, tenant.siren(), new String(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private boolean emailLink(String username) {
        try {
            if (!directory.sendsMail()) {
                return false;
            }
            directory.sendActionLink(username);
            return true;
        } catch (PortalDirectoryException | RuntimeException e) {
            LOG.log(Level.WARNING, "Invitation e-mail not sent to " + username + "; the temporary password is shown instead", e);
            return false;
        }
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public List<PortalUserView> mine() throws TenantNotFoundException, PortalDirectoryException {
        Tenant tenant = TenantData.tenantOf(em, actor());
        List<PortalUserView> users = new java.util.ArrayList<>();
        for (String username : em.createNamedQuery(PortalAccount.USERNAMES_OF_TENANT, String.class).setParameter("tenant", tenant).getResultList()) {
            users.add(directory.twoFactorStatus(username));
        }
        return users;
    }

    @Override
    @RolesAllowed(Roles.CLIENT)
    public PortalUserView requireTwoFactor(String username) throws TenantNotFoundException, PortalDirectoryException {
        Tenant tenant = TenantData.tenantOf(em, actor());
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        boolean ours = TenantData.linkedTenant(em, name).filter(t -> t.id().equals(tenant.id())).isPresent()
                && !name.startsWith(ApiClient.SERVICE_ACCOUNT_PREFIX);
        if (!ours || !directory.requireTotp(name)) {
            throw new TenantNotFoundException("No portal user " + name + " in the caller's company");
        }
        journal.record(JournalEvent.success("PORTAL_USER_TWO_FACTOR_REQUIRED", tenant.siren(), name));
        return directory.twoFactorStatus(name);
    }

    @Override
    @RolesAllowed({Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR})
    public List<String> usernames(long tenantId) throws TenantNotFoundException {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new TenantNotFoundException("No tenant " + tenantId);
        }
        return PortalAccount.usernamesOf(em, tenant);
    }
}
