package fr.gestan.cloud.web.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Whether Keycloak (the realm users sign in to) answers, checked at most every few seconds with short timeouts.
 * When it does not, the OIDC layer refuses sign-ins with a 403 and bearer calls with a 500: the error pages ask
 * this and say what is true instead, the sign-in service is unavailable (503, retry later).
 */
public final class SignInService {

    static final long RECHECK_NANOS = 5_000_000_000L;
    public static final int RETRY_AFTER_SECONDS = 30;
    private static final Object LOCK = new Object();
    private static volatile long checkedAt;
    private static volatile boolean available = true;
    private static volatile boolean checked;

    private SignInService() {
    }

    public static boolean available() {
        long now = System.nanoTime();
        if (checked && now - checkedAt < RECHECK_NANOS) {
            return available;
        }
        synchronized (LOCK) {
            if (!checked || System.nanoTime() - checkedAt >= RECHECK_NANOS) {
                available = answers(providerUrl() + "/.well-known/openid-configuration");
                checkedAt = System.nanoTime();
                checked = true;
            }
            return available;
        }
    }

    static boolean answers(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1500);
            connection.setReadTimeout(1500);
            connection.setInstanceFollowRedirects(false);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The realm URL, the same setting as server.cli's OIDC provider. */
    static String providerUrl() {
        String url = System.getProperty("gestan.oidc.provider-url", System.getenv("GESTAN_OIDC_PROVIDER_URL"));
        return (url == null || url.isBlank() ? "https://localhost:8543/realms/gestan" : url.strip()).replaceAll("/+$", "");
    }
}
