package fr.gestan.cloud.web.http;

import fr.gestan.cloud.web.http.rest.Problems;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.ConfidentialPortManager;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP, before anything else of the application runs (no authentication, no session, no token read):
 * <ul>
 * <li>the API ({@code /api/...}) answers 403 with a problem pointing to the same address over HTTPS. It used to
 * answer on HTTP, bearer tokens and revealed credentials included; a redirect would have made clients resend
 * the token in clear. A token already sent in clear is not used.</li>
 * <li>pages get a 302 to the same path on the configured public address ({@code gestan.public-base-url}), or on
 * {@code https://localhost:<HTTPS port>} when none is set, never on the request's {@code Host} header (Undertow's
 * own redirect reflected it: an open redirect for anyone able to set that header, e.g. behind a proxy).</li>
 * </ul>
 */
public class HttpsOnly implements ServletExtension {

    public static final String BASE_URL_PROPERTY = "gestan.public-base-url";
    static final String BASE_URL_VARIABLE = "GESTAN_PUBLIC_BASE_URL";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        // the running configuration, which TlsCheck compares with the policy at start
        context.setAttribute(TlsCheck.HTTPS_ONLY_ATTRIBUTE, Boolean.TRUE);
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if ("https".equalsIgnoreCase(exchange.getRequestScheme())) {
                next.handleRequest(exchange);
                return;
            }
            String target = httpsBase(deployment.getConfidentialPortManager(), exchange) + encodedPath(exchange.getRequestPath())
                    + (exchange.getQueryString() == null || exchange.getQueryString().isEmpty() ? "" : "?" + safeQuery(exchange.getQueryString()));
            String path = exchange.getRelativePath();
            if (path.equals("/api") || path.startsWith("/api/")) {
                exchange.setStatusCode(403);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problems.PROBLEM_JSON + ";charset=UTF-8");
                exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
                exchange.getResponseSender().send(Problems.bodyWith(Problems.locale(exchange.getRequestHeaders().getFirst(Headers.ACCEPT_LANGUAGE)),
                        403, "https-required", "detail.https-required", "https", target), StandardCharsets.UTF_8);
                return;
            }
            exchange.setStatusCode(302);
            exchange.getResponseHeaders().put(Headers.LOCATION, target);
            exchange.endExchange();
        });
    }

    /** The configured public HTTPS address, or https://localhost with the HTTPS listener's port. */
    static String httpsBase(ConfidentialPortManager ports, HttpServerExchange exchange) {
        String configured = System.getProperty(BASE_URL_PROPERTY, System.getenv(BASE_URL_VARIABLE));
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.strip());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return "https://" + uri.getRawAuthority();
            }
        }
        int port = 8443;
        try {
            if (ports != null) {
                port = ports.getConfidentialPort(exchange);
            }
        } catch (RuntimeException e) {
            // keep the default
        }
        return "https://localhost" + (port == 443 ? "" : ":" + port);
    }

    /** The decoded request path, percent-encoded again (anything but unreserved characters and '/'). */
    static String encodedPath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : (path == null || path.isEmpty() ? "/" : path).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        String encoded = out.toString();
        // "//host" after the authority would still be a path here, but keep it unambiguous.
        return encoded.startsWith("//") ? "/" + encoded.replaceFirst("^/+", "") : encoded;
    }

    /** The raw query string without characters that could break out of the Location header. */
    static String safeQuery(String query) {
        return query.replaceAll("[^A-Za-z0-9\\-._~!$&'()*+,;=:@/?%\\[\\]]", "");
    }
}
