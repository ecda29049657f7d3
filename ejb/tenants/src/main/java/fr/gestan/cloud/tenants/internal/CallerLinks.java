package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.WriteGeneration;
import fr.gestan.cloud.tenants.api.TenantState;

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

    /** What the confinement needs of a caller's company. */
    public record Link(long tenantId, String siren, TenantState state) {
    }

    private static final WriteGeneration GENERATION = new WriteGeneration();

    private CallerLinks() {
    }

    static long generation() {
        return GENERATION.get();
    }

    /** A link changed (or may have): memos read before are void; again when the current transaction ends. */
    static void changed() {
        GENERATION.changed();
    }
}
