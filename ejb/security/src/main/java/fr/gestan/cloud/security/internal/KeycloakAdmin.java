package fr.gestan.cloud.security.internal;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Where and how the back end reaches Keycloak's admin API: a confidential client with a service account
 * ({@code gestan-admin-api}, realm-management roles view/manage realm and users, view events).
 * <ul>
 *   <li>server URL: {@code gestan.keycloak.url} / {@code GESTAN_KEYCLOAK_URL}, else taken from the OIDC provider URL
 *       ({@code gestan.oidc.provider-url} / {@code GESTAN_OIDC_PROVIDER_URL}), else {@code https://localhost:8543};</li>
 *   <li>realm: from the provider URL, else {@code gestan};</li>
 *   <li>client secret: {@code gestan.keycloak.admin-secret} / {@code GESTAN_KEYCLOAK_ADMIN_SECRET}, else the realm
 *       file's development secret.</li>
 * </ul>
 */
final class KeycloakAdmin {

    static final String CLIENT_ID = "gestan-admin-api";
    private static final String DEV_SECRET = "gestan-admin-api-dev-secret-change-me";

    private KeycloakAdmin() {
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String providerUrl() {
        String url = setting("gestan.oidc.provider-url", "GESTAN_OIDC_PROVIDER_URL");
        return url == null ? "https://localhost:8543/realms/gestan" : url;
    }

    static String serverUrl() {
        String url = setting("gestan.keycloak.url", "GESTAN_KEYCLOAK_URL");
        if (url != null) {
            return url;
        }
        String provider = providerUrl();
        int realms = provider.indexOf("/realms/");
        return realms < 0 ? provider : provider.substring(0, realms);
    }

    static String realm() {
        String provider = providerUrl();
        int realms = provider.indexOf("/realms/");
        return realms < 0 ? "gestan" : provider.substring(realms + "/realms/".length()).replaceAll("/.*", "");
    }

    static Keycloak connect() {
        String secret = setting("gestan.keycloak.admin-secret", "GESTAN_KEYCLOAK_ADMIN_SECRET");
        return KeycloakBuilder.builder().serverUrl(serverUrl()).realm(realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(CLIENT_ID)
                .clientSecret(secret == null ? DEV_SECRET : secret).build();
    }
}
