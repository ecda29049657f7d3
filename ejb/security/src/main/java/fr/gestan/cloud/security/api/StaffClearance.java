package fr.gestan.cloud.security.api;

/**
 * Whether a staff member may know hosted-account credentials: only support staff with a confidentiality
 * agreement valid today. The tenants module calls this before revealing a credential, whatever the page did:
 * <pre>
 * clearance.requireCredentialClearance(tenant.siren(), account.login());  // throws and journals a refusal
 * ... reveal ...
 * journal.record(JournalEvent.success("SECRET_REVEALED", tenant.siren(), account.login()));
 * </pre>
 */
public interface StaffClearance {

    /** True when {@code username} is a registered support staff member whose agreement is valid today. */
    boolean mayRevealCredentials(String username);

    /**
     * Checks the current caller (who must hold the {@code support} role and be cleared). A refusal is journaled in
     * its own transaction ({@code SECRET_REVEAL_REFUSED}) and thrown, rolling back the caller's transaction.
     *
     * @param tenantRef the tenant whose credential was asked for (journaled)
     * @param target    what credential (journaled; never the secret itself)
     */
    void requireCredentialClearance(String tenantRef, String target) throws CredentialClearanceException;
}
