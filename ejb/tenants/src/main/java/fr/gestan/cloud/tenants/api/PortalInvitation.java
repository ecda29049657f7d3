package fr.gestan.cloud.tenants.api;

/**
 * A portal user just invited. Where Keycloak can send e-mail ({@code emailed}), the contact received a link to
 * choose a password and {@code temporaryPassword} is null; otherwise the temporary password to hand over (shown
 * once).
 */
public record PortalInvitation(String username, String tenantSiren, String temporaryPassword, boolean emailed) {

    public PortalInvitation(String username, String tenantSiren, String temporaryPassword) {
        this(username, tenantSiren, temporaryPassword, false);
    }

    @Override
    public String toString() {
        return "PortalInvitation[username=" + username + ", tenant=" + tenantSiren + ", password=(hidden), emailed=" + emailed + "]";
    }
}
