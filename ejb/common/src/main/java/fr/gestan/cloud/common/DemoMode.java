package fr.gestan.cloud.common;

/**
 * Demo mode loads the sample data of the offer (Scaleway's Vitry and Saint-Ouen-l'Aumône sites, a few client
 * companies) into an empty database. It is on for the local run command and the tests, off in production.
 */
public final class DemoMode {

    public static final String PROPERTY = "gestan.demo";

    private DemoMode() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }
}
