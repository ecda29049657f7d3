package fr.gestan.cloud.web.http;

import fr.gestan.cloud.web.http.SignInService;
import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Every error ends here: API clients get a JSON body, browsers a friendly page in the layout (403, 404, 500, an
 * expired view; never a stack trace). An AJAX request refused for want of a session (it expired) gets a 401 with a
 * {@code Location}: PrimeFaces then loads that page, "your session has expired", which offers to sign in again
 * and come back, instead of silently doing nothing.
 */
@WebServlet("/error-dispatch")
public class ErrorDispatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<Integer> PAGES = Set.of(400, 403, 404, 500, 503);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status == null ? 500 : status;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (causedBy(error, "jakarta.ejb.EJBAccessException")) {
            code = 403;
        } else if (fr.gestan.cloud.common.persistence.DatabaseOutage.isCause(error)) {
            // The database is unreachable (restarting...): a moment's wait, not an error of ours or the user's.
            code = 503;
            response.setHeader("Retry-After", String.valueOf(fr.gestan.cloud.common.persistence.DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        boolean signInDown = "sign-in".equals(request.getAttribute("gestan.unavailable"));
        if (signInDown) {
            response.setHeader("Retry-After", String.valueOf(SignInService.RETRY_AFTER_SECONDS));
        } else if ((code == 401 || code == 403 || code == 500) && request.getUserPrincipal() == null
                && needsSignIn(path, code, request.getHeader("Authorization") != null) && !SignInService.available()) {
            // Keycloak is down: the OIDC layer refused (403 on pages, 500 on bearer calls); say what is true.
            code = 503;
            signInDown = true;
            response.setHeader("Retry-After", String.valueOf(SignInService.RETRY_AFTER_SECONDS));
            request.setAttribute("gestan.unavailable", "sign-in");
        }
        response.setStatus(code);
        if (path.startsWith("/api/") && code == 503) {
            response.setContentType(Problems.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.body(Problems.locale(request.getHeader("Accept-Language")), 503,
                    signInDown ? "sign-in-unavailable" : "unavailable", signInDown ? "detail.sign-in-unavailable" : "detail.unavailable", null));
        } else if (path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + code + ",\"error\":\"" + reason(code) + "\"}");
        } else if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            if (code == 401) {
                response.setHeader("Location", expiredSessionPage(request));
            }
            response.setContentType("text/plain");
            response.getWriter().write(reason(code));
        } else if (causedBy(error, "jakarta.faces.application.ViewExpiredException")) {
            // A form posted after its view expired (session ended, server restarted): not an error of the user's.
            response.setStatus(HttpServletResponse.SC_OK);
            request.getRequestDispatcher("/error/expired.xhtml").forward(request, response);
        } else {
            request.getRequestDispatcher("/error/" + (PAGES.contains(code) ? code : 500) + ".xhtml").forward(request, response);
        }
    }

    /** Whether answering this path needed the sign-in service (the API without a token simply needs one: 401). */
    static boolean needsSignIn(String path, int code, boolean bearer) {
        if (path.startsWith("/api/")) {
            return !path.startsWith("/api/v1/public/") && (code != 401 || bearer);
        }
        return path.startsWith("/portal") || path.startsWith("/admin") || path.equals("/signin");
    }

    /**
     * The "session expired" page, which offers to sign in again and come back to the page the AJAX request came
     * from (if it is ours; otherwise the user's home).
     */
    static String expiredSessionPage(HttpServletRequest request) {
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String referer = request.getHeader("Referer");
        String next = request.getContextPath() + "/signin";
        if (referer != null && referer.startsWith(origin + "/")) {
            next = SafeRedirect.localPath(request.getContextPath(), referer.substring(origin.length()));
        }
        return request.getContextPath() + "/error/expired.xhtml?reason=session&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private static boolean causedBy(Throwable error, String className) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    static String reason(int code) {
        return switch (code) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 503 -> "unavailable";
            default -> "server_error";
        };
    }
}
