package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** Everything this module stores about a tenant besides its own row (for the purge). */
final class TenantData {

    private TenantData() {
    }

    /** Deletes the tenant's dependent rows; returns what was removed, for the journal. */
    static String removeAll(EntityManager em, Tenant tenant) {
        int requests = deleteOf(em, ChangeRequest.class, tenant);
        List<String> files = em.createNamedQuery(TenantExport.FILES_OF_TENANT, String.class).setParameter("tenant", tenant).getResultList();
        int exports = deleteOf(em, TenantExport.class, tenant);
        for (String file : files) {
            try {
                Files.deleteIfExists(ExportStore.directory().resolve(file));
            } catch (IOException e) {
                // the file stays; nothing points to it any more
            }
        }
        int accounts = deleteOf(em, HostedAccount.class, tenant);
        int portal = deleteOf(em, PortalAccount.class, tenant);
        int apiClients = deleteOf(em, ApiClient.class, tenant);
        CallerLinks.changed(); // bulk deletes call no entity listener
        return accounts + " hosted accounts, " + exports + " exports, " + requests + " change requests, " + portal + " portal users, "
                + apiClients + " API clients";
    }

    /** Deletes the tenant's rows of one kind of {@link TenantRecord} (one bulk statement); returns how many. */
    private static int deleteOf(EntityManager em, Class<? extends TenantRecord> type, Tenant tenant) {
        return em.createQuery("delete from " + type.getSimpleName() + " r where r.tenant = :tenant")
                .setParameter("tenant", tenant).executeUpdate();
    }

    /** The tenant a portal user speaks for, from this module's own table (never from a request parameter). */
    static Tenant tenantOf(EntityManager em, String username) throws TenantNotFoundException {
        return linkedTenant(em, username)
                .orElseThrow(() -> new TenantNotFoundException("No company is linked to portal user " + username));
    }

    /**
     * The tenant of a portal user ({@code portal_account}) or of an API client's service account that is not revoked
     * ({@code api_client}); empty for anyone else.
     */
    static Optional<Tenant> linkedTenant(EntityManager em, String username) {
        Optional<Tenant> portal = em.createNamedQuery(PortalAccount.TENANT_OF_USER, Tenant.class)
                .setParameter("username", username).getResultList().stream().findFirst();
        if (portal.isPresent() || !username.startsWith(ApiClient.SERVICE_ACCOUNT_PREFIX)) {
            return portal;
        }
        return em.createNamedQuery(ApiClient.TENANT_OF_ACTIVE, Tenant.class)
                .setParameter("username", username).getResultList().stream().findFirst();
    }
}
