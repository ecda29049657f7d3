package fr.gestan.cloud.common.config;

/**
 * The application's public HTTPS address, as printed in certificates, QR codes and e-mail links: system property
 * {@value #PROPERTY} or environment variable {@value #ENV} (e.g. {@code https://cloud.gestan.fr}), without a
 * trailing slash.
 */
public final class PublicAddress {

    public static final String PROPERTY = "gestan.public-base-url";
    public static final String ENV = "GESTAN_PUBLIC_BASE_URL";
    public static final String DEFAULT = "https://localhost:8443";

    private PublicAddress() {
    }

    /** The configured address, or null when none is. */
    public static String configured() {
        String base = System.getProperty(PROPERTY);
        if (base == null || base.isBlank()) {
            base = System.getenv(ENV);
        }
        if (base == null || base.isBlank()) {
            return null;
        }
        base = base.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The configured address, else {@value #DEFAULT} (a laptop's). */
    public static String baseUrl() {
        String base = configured();
        return base == null ? DEFAULT : base;
    }
}
