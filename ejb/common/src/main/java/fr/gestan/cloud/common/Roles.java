package fr.gestan.cloud.common;

/**
 * The realm roles of the Keycloak realm {@code gestan}, as used in {@code @RolesAllowed}.
 */
public final class Roles {

    /** A contact of a client company (tenant), signed in to the self-service portal. */
    public static final String CLIENT = "client";
    /** Cloud support staff: the only people who may know hosted-account credentials. */
    public static final String SUPPORT = "support";
    /** Administrators of the offer. */
    public static final String ADMIN = "admin";
    /** Auditors: read-only access to journals, policies and compliance evidence. */
    public static final String AUDITOR = "auditor";
    /**
     * An integration's API client (a Keycloak service account) reading its own company's data through the API; the
     * tenants module maps it to its company. Never a person: it cannot open the portal.
     */
    public static final String API_READ = "api-read";
    /** An API client that may also change its own company's data (always given together with {@link #API_READ}). */
    public static final String API_WRITE = "api-write";

    private Roles() {
    }
}
