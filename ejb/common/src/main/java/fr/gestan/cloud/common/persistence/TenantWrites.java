package fr.gestan.cloud.common.persistence;

/**
 * Writes to the tenants (a company renamed, added, purged), counted by the tenants module's listener on its tenant
 * entity ({@code CallerLinkListener}): what other modules keep per node about the tenants ({@link NodeMemo} with
 * {@link #GENERATION} as a source) and cannot see through that module's entities, such as the company names of a
 * recovery plan's clients (the back office's recovery page). Per node, like every {@link NodeMemo}.
 */
public final class TenantWrites {

    public static final WriteGeneration GENERATION = new WriteGeneration();

    private TenantWrites() {
    }
}
