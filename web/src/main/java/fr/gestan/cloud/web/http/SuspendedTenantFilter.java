package fr.gestan.cloud.web.http;

import fr.gestan.cloud.common.Roles;
import fr.gestan.cloud.common.tenancy.CallerTenancy;
import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client contact whose company has been suspended (or terminated) is refused on the very next request, even with
 * a portal session opened before: suspending disables the Keycloak users, but an open session used to keep working
 * until its token refresh failed. The tenants module decides ({@link CallerTenancy#callerRefused()}); its answer
 * is kept {@value #CACHE_MILLIS} ms per user so that a page's resources do not each cost a query. The session is
 * ended and the request answered 403. An integration's API client (role {@code api-read}) is refused likewise when
 * it is revoked or its company is not active, checked on each request.
 */
@WebFilter(urlPatterns = {"/portal/*", "/api/*", "/signin"}, asyncSupported = true)
public class SuspendedTenantFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long CACHE_MILLIS = 3000;
    private static final Map<String, long[]> CHECKED = new ConcurrentHashMap<>();

    @EJB
    transient CallerTenancy tenancy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean contact = request.isUserInRole(Roles.CLIENT);
        // An API client is checked on every request (no cache): a revoked one is refused at once, although its
        // token stays valid until it expires.
        boolean apiClient = !contact && request.isUserInRole(Roles.API_READ);
        if (!(contact && refused(request.getUserPrincipal().getName())) && !(apiClient && tenancy.callerRefused())) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(403);
            response.setContentType(Problems.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            String type = apiClient ? "api-client-refused" : "tenant-suspended";
            response.getWriter().write(Problems.body(Problems.locale(request.getHeader("Accept-Language")), 403,
                    type, "detail." + type, null));
        } else {
            request.setAttribute("gestan.refused", "tenant-suspended");
            response.sendError(403);
        }
    }

    private boolean refused(String username) {
        long now = System.currentTimeMillis();
        long[] entry = CHECKED.get(username);
        if (entry != null && now - entry[0] < CACHE_MILLIS) {
            return entry[1] == 1;
        }
        boolean refused = tenancy.callerRefused();
        if (CHECKED.size() > 10_000) {
            CHECKED.clear();
        }
        CHECKED.put(username, new long[] {now, refused ? 1 : 0});
        return refused;
    }
}
