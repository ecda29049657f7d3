package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Portal users: the tenant contacts who sign in to the client portal. They live in Keycloak (role {@code client},
 * attribute {@code tenant} = SIREN); this module links each username to its tenant. Staff only; journaled.
 */
public interface PortalUsers {

    /**
     * Creates the Keycloak user with a temporary password that must be changed at first sign-in
     * ({@code UPDATE_PASSWORD}), returned once to the staff member, who hands it over to the contact.
     */
    PortalInvitation invite(long tenantId,
                            @NotBlank(message = "{tenant.contact.email.required}") @Email(message = "{tenant.contact.email.invalid}")
                            @Size(max = 100, message = "{tenant.contact.email.invalid}") String email,
                            @NotBlank(message = "{tenant.contact.name.required}") @Size(max = 100, message = "{tenant.contact.name.size}") String firstName,
                            @NotBlank(message = "{tenant.contact.name.required}") @Size(max = 100, message = "{tenant.contact.name.size}") String lastName)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException;

    /** The usernames linked to a tenant. Staff and auditors. */
    List<String> usernames(long tenantId) throws TenantNotFoundException;

    /** The portal users of the caller's company with their two-factor status (a client contact). */
    List<PortalUserView> mine() throws TenantNotFoundException, PortalDirectoryException;

    /**
     * Turns two-factor sign-in on for a portal user of the caller's company (a client contact): Keycloak asks it to
     * enrol a TOTP authenticator at its next sign-in ({@code CONFIGURE_TOTP}), then asks for a code at every sign-in.
     * Journaled ({@code PORTAL_USER_TWO_FACTOR_REQUIRED}). A user of another company is "not found".
     */
    PortalUserView requireTwoFactor(String username) throws TenantNotFoundException, PortalDirectoryException;
}
