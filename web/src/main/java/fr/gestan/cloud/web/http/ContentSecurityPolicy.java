package fr.gestan.cloud.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;

/**
 * The Content-Security-Policy of every Faces page, read by PrimeFaces ({@code primefaces.CSP_POLICY} in web.xml),
 * which appends the page's nonce to the final {@code script-src}: scripts come from this origin or carry the nonce;
 * no inline script, no {@code eval}, no plug-ins, no framing. Forms may post to this origin and to the sign-in
 * server (signing out posts to {@code /logout}, which redirects to Keycloak's end-session endpoint).
 */
@Named("contentSecurityPolicy")
@ApplicationScoped
public class ContentSecurityPolicy {

    private final String policy = forPages(signInOrigin());

    public String getPolicy() {
        return policy;
    }

    static String forPages(String signInOrigin) {
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self'" + (signInOrigin == null ? "" : " " + signInOrigin) + "; script-src 'self'";
    }

    /** The origin of the Keycloak realm the server is configured with (same settings as server.cli). */
    static String signInOrigin() {
        String url = System.getProperty("gestan.oidc.provider-url", System.getenv("GESTAN_OIDC_PROVIDER_URL"));
        if (url == null || url.isBlank()) {
            url = "https://localhost:8543/realms/gestan";
        }
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
