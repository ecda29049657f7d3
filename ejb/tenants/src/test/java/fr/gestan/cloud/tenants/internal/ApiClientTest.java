package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.gestan.cloud.tenants.api.ApiClientScope;
import fr.gestan.cloud.tenants.api.ApiClientView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private final Tenant tenant = new Tenant("Boulangerie Martin SARL", "842317653", Instant.EPOCH);

    @Test
    void the_service_account_is_named_as_keycloak_names_it_the_tokens_preferred_username() {
        ApiClient client = new ApiClient(tenant, "api-842317653-0A1B2C3D", " ERP ", ApiClientScope.READ, "client.demo", Instant.EPOCH);
        assertEquals("service-account-api-842317653-0a1b2c3d", ApiClient.serviceAccountOf("api-842317653-0A1B2C3D"));
        ApiClientView view = client.toView();
        assertEquals("ERP", view.label());
        assertEquals(ApiClientScope.READ, view.scope());
        assertFalse(view.revoked());
    }

    @Test
    void a_client_is_revoked_once_with_who_and_when() {
        ApiClient client = new ApiClient(tenant, "api-842317653-00000001", "ERP", ApiClientScope.WRITE, "client.demo", Instant.EPOCH);
        Instant at = Instant.parse("2026-12-03T18:00:00Z");
        client.revoke("client.demo", at);
        assertTrue(client.revoked());
        assertEquals(at, client.toView().revokedAt());
        assertEquals("client.demo", client.toView().revokedBy());
        assertThrows(IllegalStateException.class, () -> client.revoke("client.demo", at));
    }

    @Test
    void a_client_needs_a_name() {
        assertThrows(IllegalArgumentException.class,
                () -> new ApiClient(tenant, "api-842317653-00000002", " ", ApiClientScope.READ, "client.demo", Instant.EPOCH));
    }
}
