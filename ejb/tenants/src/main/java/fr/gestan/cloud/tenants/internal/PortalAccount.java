package fr.gestan.cloud.tenants.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;

/**
 * Links a portal user (a Keycloak username) to the tenant it speaks for. The application, not the token,
 * is the authority on which company a client contact may see.
 */
@Entity
@jakarta.persistence.EntityListeners(CallerLinkListener.class) // a caller's company is read from it (CallerLinks)
@Table(name = "portal_account")
@NamedQuery(name = PortalAccount.USERNAMES_OF_TENANT, query = "select a.username from PortalAccount a where a.tenant = :tenant order by a.username")
@NamedQuery(name = PortalAccount.USERNAME_TAKEN, query = "select count(a) from PortalAccount a where a.username = :username")
@NamedQuery(name = PortalAccount.TENANT_OF_USER,
        query = "select a.tenant from PortalAccount a where a.username = :username")
// the caller's link (CallerLinks.read): what the confinement and the portal's header need, not the whole tenant
@NamedQuery(name = PortalAccount.LINK_OF_USER,
        query = "select t.id, t.siren, t.state, t.legalName from PortalAccount a join a.tenant t where a.username = :username")
public class PortalAccount extends TenantRecord {

    static final String TENANT_OF_USER = "PortalAccount.tenantOfUser", LINK_OF_USER = "PortalAccount.linkOfUser",
            USERNAMES_OF_TENANT = "PortalAccount.usernamesOfTenant",
            USERNAME_TAKEN = "PortalAccount.usernameTaken";

    private String username;

    protected PortalAccount() {
        // for JPA
    }

    public PortalAccount(String username, Tenant tenant) {
        super(tenant);
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username is required");
        }
        this.username = username;
    }

    /** The usernames of a tenant's portal users, by name. */
    static List<String> usernamesOf(EntityManager em, Tenant tenant) {
        return em.createNamedQuery(USERNAMES_OF_TENANT, String.class).setParameter("tenant", tenant).getResultList();
    }
}
