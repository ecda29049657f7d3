package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.WriteGeneration;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantView;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The caller's company read once per request ({@link CallerTenancyBean}, {@link CallerLinkMemo}): every client call
 * of a page asked for it (the confinement, then each module's own call; 8 to 14 statements per client page, the
 * largest single wait of the profile in docs/performance.md). The memo lives one CDI request (a page view, an API
 * call; an EJB call made outside any request has its own) and is keyed by the caller's username. It is void as soon as
 * what it is read from changes on this node ({@link CallerLinkListener}): a tenant (suspension, reactivation,
 * termination, purge), a portal account or an API client (revocation) written through JPA moves the generation, at
 * the write and again when its transaction ends. Another node's change is seen from the next request on. Arquillian
 * runs a whole test method in one request: a suspension then a call as the client in it meets the new generation.
 */
public final class CallerLinks {

    /**
     * What the confinement needs of a caller's company, and its name: the portal's header and
     * {@code TenantService.myCompany} take the company from here, so that a client page reads it once (one statement
     * of four columns) whoever asks first.
     */
    public record Link(long tenantId, String siren, TenantState state, String legalName) {

        /** The company as the API shows it ({@code TenantService.myCompany}). */
        public TenantView view() {
            return new TenantView(tenantId, legalName, siren, state);
        }
    }

    private static final WriteGeneration GENERATION = new WriteGeneration();

    private CallerLinks() {
    }

    /**
     * The caller's link, read once per request through the request's memo ({@link CallerLinkMemo}); read now where
     * there is no request (a timer, an asynchronous build). Empty for a user linked to no company.
     */
    static Optional<Link> of(CallerLinkMemo memo, EntityManager em, String username) {
        try {
            return memo.get(username, u -> read(em, u));
        } catch (ContextNotActiveException e) {
            return read(em, username); // no request here: nothing to share the reading with
        }
    }

    /**
     * One statement (two for an API client's service account that has no portal account): the company of a portal
     * user ({@code portal_account}) or of an API client's service account that is not revoked ({@code api_client}),
     * its four columns only (no tenant entity is built). Empty for anyone else.
     */
    static Optional<Link> read(EntityManager em, String username) {
        Optional<Link> portal = first(em.createNamedQuery(PortalAccount.LINK_OF_USER, Object[].class)
                .setParameter("username", username).getResultList());
        if (portal.isPresent() || !username.startsWith(ApiClient.SERVICE_ACCOUNT_PREFIX)) {
            return portal;
        }
        return first(em.createNamedQuery(ApiClient.LINK_OF_ACTIVE, Object[].class).setParameter("username", username).getResultList());
    }

    private static Optional<Link> first(List<Object[]> rows) {
        return rows.stream().findFirst().map(r -> new Link(((Number) r[0]).longValue(), (String) r[1], (TenantState) r[2], (String) r[3]));
    }

    static long generation() {
        return GENERATION.get();
    }

    /** A link changed (or may have): memos read before are void; again when the current transaction ends. */
    static void changed() {
        GENERATION.changed();
    }
}
