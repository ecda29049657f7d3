package fr.gestan.cloud.common.config;

import fr.gestan.cloud.common.DemoMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Secrets whose development value is published (in the realm file, the docs, WildFly's defaults). Anyone who
 * reaches Keycloak with {@code gestan-admin-api}'s published secret mints a realm-admin token: outside demo mode
 * the application refuses to start while any of these is unset (the default then applies) or still holds its
 * published value, and names the settings to change.
 */
public final class PublishedDefaults {

    /** A secret setting: its system property, its environment variable and its published development value. */
    public record Setting(String property, String variable, String published) {

        /** The value in force: the property, else the variable, else null (the published default then applies). */
        String value(UnaryOperator<String> properties, UnaryOperator<String> environment) {
            String v = properties.apply(property);
            return v != null ? v : environment.apply(variable);
        }

        boolean isPublished(UnaryOperator<String> properties, UnaryOperator<String> environment) {
            String v = value(properties, environment);
            // "${...}": a realm placeholder left unresolved is as public as the file itself.
            return v == null || v.isBlank() || v.strip().equals(published) || v.strip().startsWith("${");
        }

        @Override
        public String toString() {
            return variable + " (-D" + property + ")";
        }
    }

    public static final List<Setting> SETTINGS = List.of(
            new Setting("gestan.oidc.secret", "GESTAN_OIDC_SECRET", "gestan-dev-secret-change-me"),
            new Setting("gestan.keycloak.admin-secret", "GESTAN_KEYCLOAK_ADMIN_SECRET", "gestan-admin-api-dev-secret-change-me"),
            new Setting("gestan.keycloak.admin.client-secret", "GESTAN_KEYCLOAK_ADMIN_CLIENT_SECRET", "gestan-portal-admin-dev-secret-change-me"),
            new Setting("gestan.keycloak.registrar.secret", "GESTAN_KEYCLOAK_REGISTRAR_SECRET", "gestan-client-registrar-dev-secret-change-me"),
            new Setting("gestan.tls.keystore-password", "GESTAN_TLS_KEYSTORE_PASSWORD", "password"));

    private PublishedDefaults() {
    }

    /** The settings still at a published value (empty in demo mode, where they are expected). */
    public static List<Setting> offending(boolean demo, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        List<Setting> offending = new ArrayList<>();
        if (!demo) {
            for (Setting s : SETTINGS) {
                if (s.isPublished(properties, environment)) {
                    offending.add(s);
                }
            }
        }
        return offending;
    }

    /** Throws, naming every offending setting, unless demo mode is on or every secret is one of your own. */
    public static void refuseToStartWithPublishedSecrets() {
        List<Setting> offending = offending(DemoMode.enabled(), System::getProperty, System::getenv);
        if (!offending.isEmpty()) {
            throw new IllegalStateException("Refusing to start outside demo mode: " + offending.size()
                    + " secret(s) still have their published development value or are not set: " + offending
                    + ". Set each to a value of your own (docs/operations.md, section 3), equal to the one in Keycloak.");
        }
    }
}
