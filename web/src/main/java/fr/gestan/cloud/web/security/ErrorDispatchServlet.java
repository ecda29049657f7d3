package fr.gestan.cloud.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Every error ends here: API clients get a JSON body, browsers a friendly page in the layout. An AJAX request
 * refused for want of a session (it expired) gets a 401 with a {@code Location}: PrimeFaces then loads that page,
 * which leads through sign-in instead of silently doing nothing.
 */
@WebServlet("/error-dispatch")
public class ErrorDispatchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Set<Integer> PAGES = Set.of(403, 404, 500);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status == null ? 500 : status;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        response.setStatus(code);
        if (path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + code + ",\"error\":\"" + reason(code) + "\"}");
        } else if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            if (code == 401) {
                response.setHeader("Location", sameOriginPage(request));
            }
            response.setContentType("text/plain");
            response.getWriter().write(reason(code));
        } else {
            request.getRequestDispatcher("/error/" + (PAGES.contains(code) ? code : 500) + ".xhtml").forward(request, response);
        }
    }

    /** The page the AJAX request came from, if it is ours; otherwise the sign-in entry point. */
    private static String sameOriginPage(HttpServletRequest request) {
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/";
        String referer = request.getHeader("Referer");
        if (referer != null && referer.startsWith(origin) && !referer.contains("\r") && !referer.contains("\n")) {
            return referer;
        }
        return request.getContextPath() + "/signin";
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
