package fr.gestan.cloud.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedDefaultsTest {

    private static List<String> offending(boolean demo, Map<String, String> properties, Map<String, String> environment) {
        return PublishedDefaults.offending(demo, properties::get, environment::get).stream().map(PublishedDefaults.Setting::variable).toList();
    }

    @Test
    void outside_demo_mode_every_unset_or_published_secret_is_named() {
        Map<String, String> env = new HashMap<>(Map.of("GESTAN_OIDC_SECRET", "gestan-dev-secret-change-me",
                "GESTAN_KEYCLOAK_ADMIN_SECRET", "${GESTAN_KEYCLOAK_ADMIN_SECRET}"));
        assertEquals(List.of("GESTAN_OIDC_SECRET", "GESTAN_KEYCLOAK_ADMIN_SECRET", "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET",
                "GESTAN_KEYCLOAK_REGISTRAR_SECRET", "GESTAN_TLS_KEYSTORE_PASSWORD"), offending(false, Map.of(), env));
    }

    @Test
    void secrets_of_ones_own_pass_and_the_property_wins_over_the_variable() {
        Map<String, String> props = Map.of("gestan.oidc.secret", "s3cr3t-a", "gestan.tls.keystore-password", "tls-own");
        Map<String, String> env = Map.of("GESTAN_OIDC_SECRET", "gestan-dev-secret-change-me",
                "GESTAN_KEYCLOAK_ADMIN_SECRET", "own-b", "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET", "own-c",
                "GESTAN_KEYCLOAK_REGISTRAR_SECRET", "own-d");
        assertTrue(offending(false, props, env).isEmpty());
    }

    @Test
    void the_api_clients_registrar_secret_is_refused_at_its_published_value() {
        Map<String, String> env = Map.of("GESTAN_OIDC_SECRET", "own-a", "GESTAN_KEYCLOAK_ADMIN_SECRET", "own-b",
                "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET", "own-c", "GESTAN_TLS_KEYSTORE_PASSWORD", "own-t",
                "GESTAN_KEYCLOAK_REGISTRAR_SECRET", "gestan-client-registrar-dev-secret-change-me");
        assertEquals(List.of("GESTAN_KEYCLOAK_REGISTRAR_SECRET"), offending(false, Map.of(), env));
    }

    @Test
    void demo_mode_accepts_the_development_values() {
        assertTrue(offending(true, Map.of(), Map.of()).isEmpty());
    }

    @Test
    void the_message_names_the_settings_to_change() {
        System.clearProperty("gestan.demo");
        try {
            PublishedDefaults.refuseToStartWithPublishedSecrets();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("GESTAN_TLS_KEYSTORE_PASSWORD (-Dgestan.tls.keystore-password)"), e.getMessage());
            return;
        }
        // Only reachable on a machine whose environment sets all four secrets.
        assertTrue(System.getenv("GESTAN_TLS_KEYSTORE_PASSWORD") != null);
    }
}
