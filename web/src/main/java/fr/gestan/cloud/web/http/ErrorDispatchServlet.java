package fr.gestan.cloud.web.http;

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
    private static final Set<Integer> PAGES = Set.of(403, 404, 500);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status == null ? 500 : status;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (causedBy(error, "jakarta.ejb.EJBAccessException")) {
            code = 403;
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        response.setStatus(code);
        if (path.startsWith("/api/")) {
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
            case 404 -> "not_found";
            default -> "server_error";
        };
    }
}
