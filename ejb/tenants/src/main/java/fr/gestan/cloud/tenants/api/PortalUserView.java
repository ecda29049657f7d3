package fr.gestan.cloud.tenants.api;

/**
 * A portal user of the caller's company as its contacts see it: whether two-factor sign-in (TOTP) is required of it
 * (Keycloak's required action {@code CONFIGURE_TOTP}, pending until the user enrols) and whether it has enrolled.
 * {@code known} is false when Keycloak has no such user (nothing else is then meaningful).
 */
public record PortalUserView(String username, boolean known, boolean twoFactorPending, boolean twoFactorEnrolled) implements java.io.Serializable {

    /** Two-factor is on: enrolled, or to enrol at the next sign-in. */
    public boolean twoFactorOn() {
        return twoFactorPending || twoFactorEnrolled;
    }
}
