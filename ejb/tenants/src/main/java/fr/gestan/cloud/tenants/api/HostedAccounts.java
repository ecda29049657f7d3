package fr.gestan.cloud.tenants.api;

import fr.gestan.cloud.security.api.CredentialClearanceException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Hosted accounts: remote-desktop logins on a tenant's server, each with a random secret stored encrypted.
 * Only {@code support} staff cleared by a valid confidentiality agreement ever see a secret: when they create or
 * reset an account (shown once) and when they reveal it with a written reason. Every such act is journaled, and
 * the EJB enforces it whatever the page does.
 */
public interface HostedAccounts {

    /** Creates an account for a user of the tenant: generated login and secret. Cleared support staff only. */
    IssuedSecret create(long tenantId,
                        @NotBlank(message = "{account.holder.required}")
                        @Pattern(regexp = "[\\p{L}0-9][\\p{L}0-9 .'\\-]{1,99}", message = "{account.holder.format}") String holderName)
            throws TenantNotFoundException, TenantStateException, CredentialClearanceException;

    /** The tenant's accounts, without secrets. Staff and auditors. */
    List<HostedAccountView> ofTenant(long tenantId) throws TenantNotFoundException;

    /** Reveals the stored secret. Cleared support staff only, with a written reason; journaled. */
    String reveal(long accountId,
                  @NotBlank(message = "{account.reveal.reason.required}") @Size(min = 10, max = 500, message = "{account.reveal.reason.size}") String reason)
            throws AccountNotFoundException, SecretUnavailableException, CredentialClearanceException;

    /** Generates a new secret (to be changed at first use). Cleared support staff only; journaled. */
    IssuedSecret reset(long accountId,
                       @NotBlank(message = "{tenant.reason.required}") @Size(max = 500, message = "{tenant.reason.size}") String reason)
            throws AccountNotFoundException, TenantStateException, CredentialClearanceException;

    /** The signed-in client's accounts, without secrets. Clients only. */
    List<HostedAccountView> myAccounts() throws TenantNotFoundException;

    /** The client says it changed the secret: the stored one is erased. Clients only, own accounts only. */
    HostedAccountView markChanged(long accountId) throws AccountNotFoundException;

    /** The client asks support for a new secret. Clients only, own accounts only. */
    HostedAccountView requestReset(long accountId) throws AccountNotFoundException;

    /** Accounts whose client asked for a new secret, oldest request first. Staff and auditors. */
    List<HostedAccountView> pendingResetRequests(int max);

    /** How many accounts' clients asked for a new secret (the requests tile's figure, counted, not loaded). Staff and auditors. */
    long pendingResetRequestCount();

    /** Accounts whose initial secret expired before being changed (to be reset), oldest first. Staff and auditors. */
    List<HostedAccountView> overdueInitialSecrets(int max);
}
