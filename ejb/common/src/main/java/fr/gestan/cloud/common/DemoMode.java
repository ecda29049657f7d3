package fr.gestan.cloud.common;

import java.util.List;

/**
 * Demo mode loads the sample data of the offer (Scaleway's Vitry and Saint-Ouen-l'Aumône sites, a few client
 * companies) into an empty database. It is on for the local run command and the tests, off in production.
 */
public final class DemoMode {

    public static final String PROPERTY = "gestan.demo";

    /** The first demo company, whose contact is the Keycloak realm's demo client ({@code client.demo}). */
    public static final String CLIENT_SIREN = "842317653";

    /** The demo client companies, named by their SIRENs (tenants loads them, hosting gives each a contract). */
    public static final List<String> SIRENS = List.of(CLIENT_SIREN, "913572467", "528640196", "730195823");

    private DemoMode() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }
}
