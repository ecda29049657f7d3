package fr.gestan.cloud.it.env;

/** The demo companies the tests lean on (seeded by the tenants module's demo data), named once. */
public final class DemoTenants {

    /** The company client.demo speaks for. */
    public static final String CLIENT_SIREN = "842317653";
    /** Another hosted company, which client.demo must never reach. */
    public static final String OTHER_SIREN = "913572467";

    private DemoTenants() {
    }
}
