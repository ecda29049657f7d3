package fr.gestan.cloud.web.http;

import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery on the API: a request that changes something and is authenticated by the session
 * cookie (no {@code Authorization} header) must come from this site's own pages. A browser sends such a request
 * from another site without asking first only with a "simple" content type (a form, text/plain), so: JSON content
 * only, and an {@code Origin} (and {@code Sec-Fetch-Site}), when the browser sends them, that is this site. Bearer
 * token calls are not concerned (a browser never adds the token by itself), nor is the public monitoring ingest.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiCrossOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (refused(request)) {
            response.setStatus(403);
            response.setContentType(Problems.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.body(Problems.locale(request.getHeader("Accept-Language")), 403,
                    "cross-origin", "detail.cross-origin", null));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean refused(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (SAFE.contains(request.getMethod()) || request.getHeader("Authorization") != null || path.startsWith("/api/v1/public/")) {
            return false;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin(request))) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(request.getScheme()) && port == 443) || ("http".equals(request.getScheme()) && port == 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
