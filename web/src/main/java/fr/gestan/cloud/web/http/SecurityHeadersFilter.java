package fr.gestan.cloud.web.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The browser-facing security headers, on every response of the application (pages, resources, API, errors).
 *
 * <p>Content-Security-Policy: every response first gets {@link #LOCKED_DOWN} (nothing may load, nothing may frame
 * it). Faces pages then get PrimeFaces' own policy ({@code primefaces.CSP} with {@code primefaces.CSP_POLICY} in
 * web.xml: scripts only from this origin or carrying the page's nonce, never {@code unsafe-inline}); the response
 * wrapper makes that policy <em>replace</em> the locked-down one, since two policies would both apply.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR},
        asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CSP = "Content-Security-Policy";
    /** For everything that is not a Faces page: JSON, redirects, servlets, style sheets, images. */
    static final String LOCKED_DOWN = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";
    /** Two years, subdomains included: browsers then refuse plain HTTP for this host. Sent on HTTPS only. */
    static final String HSTS = "max-age=63072000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(CSP, LOCKED_DOWN);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/resources/")) {
            // Pages and answers carry personal data: never kept by shared caches or the browser's disk cache.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response instanceof OnePolicy ? response : new OnePolicy(response));
    }

    /** Turns the page's own policy (added by PrimeFaces) into a replacement of the locked-down default. */
    static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
