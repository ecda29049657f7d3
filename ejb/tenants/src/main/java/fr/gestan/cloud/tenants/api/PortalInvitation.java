package fr.gestan.cloud.tenants.api;

/** A portal user just invited, with the temporary password to hand over (shown once). */
public record PortalInvitation(String username, String tenantSiren, String temporaryPassword) {

    @Override
    public String toString() {
        return "PortalInvitation[username=" + username + ", tenant=" + tenantSiren + ", password=(hidden)]";
    }
}
