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

    private Roles() {
    }
}
