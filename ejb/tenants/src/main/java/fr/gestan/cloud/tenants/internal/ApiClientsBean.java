package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.journal.JournalEvent;
import fr.gestan.cloud.tenants.api.ApiClientNotFoundException;
import fr.gestan.cloud.tenants.api.ApiClientScope;
import fr.gestan.cloud.tenants.api.ApiClientView;
import fr.gestan.cloud.tenants.api.ApiClients;
import fr.gestan.cloud.tenants.api.IssuedApiClient;
import fr.gestan.cloud.tenants.api.PortalDirectoryException;
import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import fr.gestan.cloud.tenants.api.TenantState;
import fr.gestan.cloud.tenants.api.TenantStateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A client company's contacts manage their own company's API clients (the company is the caller's, from
 * {@code portal_account}); an API client itself may not (role {@code client} only).
 */
@Stateless
@RolesAllowed(Roles.CLIENT)
public class ApiClientsBean extends TenantsServiceBase implements ApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    ApiClientRegistrar registrar;

    @Override
    public IssuedApiClient create(String label, ApiClientScope scope)
            throws TenantNotFoundException, TenantStateException, PortalDirectoryException {
        Tenant tenant = callersTenant();
        if (tenant.state() != TenantState.ACTIVE) {
            throw new TenantStateException(tenant.state(), "create an API client of");
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String clientId = "api-" + tenant.siren() + "-" + HexFormat.of().formatHex(suffix);
        ApiClient client = new ApiClient(tenant, clientId, label, scope, actor(), clock.instant());
        // The row first (a unique client id), then Keycloak: if Keycloak fails, the row is rolled back.
        em.persist(client);
        em.flush();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        registrar.create(clientId, client.toView().label(), tenant.siren(), scope, encoded);
        journal.record(JournalEvent.success("API_CLIENT_CREATED", tenant.siren(),
                clientId + " (" + scope.name().toLowerCase(java.util.Locale.ROOT) + "): " + client.toView().label()));
        return new IssuedApiClient(client.toView(), encoded, registrar.tokenUrl());
    }

    @Override
    public List<ApiClientView> mine() throws TenantNotFoundException {
        return em.createNamedQuery(ApiClient.OF_TENANT, ApiClient.class).setParameter("tenant", callersTenant())
                .getResultList().stream().map(ApiClient::toView).toList();
    }

    @Override
    public ApiClientView revoke(String clientId) throws ApiClientNotFoundException, PortalDirectoryException {
        Tenant tenant;
        try {
            tenant = callersTenant();
        } catch (TenantNotFoundException e) {
            throw new ApiClientNotFoundException("No API client " + clientId);
        }
        ApiClient client = em.createNamedQuery(ApiClient.BY_CLIENT_ID, ApiClient.class).setParameter("clientId", clientId)
                .getResultList().stream().findFirst()
                .filter(c -> c.tenant().id().equals(tenant.id()))
                .orElseThrow(() -> new ApiClientNotFoundException("No API client " + clientId));
        if (client.revoked()) {
            return client.toView();
        }
        client.revoke(actor(), clock.instant());
        em.flush();
        registrar.delete(clientId);
        journal.record(JournalEvent.success("API_CLIENT_REVOKED", tenant.siren(), clientId));
        return client.toView();
    }

    private Tenant callersTenant() throws TenantNotFoundException {
        return TenantData.tenantOf(em, actor());
    }
}
