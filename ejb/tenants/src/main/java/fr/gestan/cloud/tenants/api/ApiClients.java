package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * API clients of integrations, managed by a client company's contacts for their own company: each is a Keycloak
 * confidential client with only the client-credentials grant, acting for that company alone (its service account is
 * mapped to the company by this module, never by a token claim), read-only or read-write. Created through a service
 * client that may only manage clients ({@code gestan-client-registrar}). Every creation and revocation is journaled;
 * every journaled use names the client's service account ({@code service-account-<client id>}) as actor.
 */
public interface ApiClients {

    /** Creates an API client of the caller's company; the secret is in the answer and nowhere else. */
    IssuedApiClient create(@NotBlank(message = "{tenant.apiclient.label.required}")
                           @Size(max = 100, message = "{tenant.apiclient.label.size}") String label,
                           @NotNull(message = "{tenant.apiclient.scope.required}") ApiClientScope scope)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException;

    /** The caller's company's API clients, newest first, revoked ones included. */
    List<ApiClientView> mine() throws TenantNotFoundException;

    /** Deletes the Keycloak client (no new token) and refuses the tokens already issued from now on. */
    ApiClientView revoke(String clientId) throws ApiClientNotFoundException, PortalDirectoryException;
}
