package fr.gestan.cloud.tenants.internal;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * A lazily opened admin-API connection of one service-account client ({@code client_credentials}) to the realm:
 * each of this module's Keycloak clients ({@code gestan-portal-admin}, {@code gestan-client-registrar}) has its own,
 * with only the realm-management roles it needs. Server URL and realm: {@code gestan.keycloak.admin.url} /
 * {@code GESTAN_KEYCLOAK_ADMIN_URL} (default: the OIDC provider URL without {@code /realms/...}, else
 * {@code https://localhost:8543}), {@code gestan.keycloak.admin.realm} ({@code gestan}).
 */
final class KeycloakConnection implements AutoCloseable {

    private final String clientId;
    private final String secret;
    private volatile Keycloak keycloak;

    KeycloakConnection(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    static String providerUrl() {
        return setting("gestan.oidc.provider-url", "GESTAN_OIDC_PROVIDER_URL", "https://localhost:8543/realms/gestan");
    }

    static String serverUrl() {
        return setting("gestan.keycloak.admin.url", "GESTAN_KEYCLOAK_ADMIN_URL", providerUrl().replaceFirst("/realms/.*$", ""));
    }

    static String realmName() {
        return setting("gestan.keycloak.admin.realm", "GESTAN_KEYCLOAK_ADMIN_REALM", "gestan");
    }

    RealmResource realm() {
        Keycloak kc = keycloak;
        if (kc == null) {
            synchronized (this) {
                kc = keycloak;
                if (kc == null) {
                    keycloak = kc = KeycloakBuilder.builder()
                            .serverUrl(serverUrl())
                            .realm(realmName())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(clientId)
                            .clientSecret(secret)
                            .build();
                }
            }
        }
        return kc.realm(realmName());
    }

    @Override
    public void close() {
        Keycloak kc = keycloak;
        if (kc != null) {
            kc.close();
        }
    }
}
