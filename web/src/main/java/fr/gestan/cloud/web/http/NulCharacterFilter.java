package fr.gestan.cloud.web.http;

import fr.gestan.cloud.web.http.rest.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Refuses a NUL character (U+0000) in any query or form parameter with a 400 before anything acts on it:
 * PostgreSQL cannot store it, so it used to surface as a 500 at the commit. JSON bodies are checked by
 * {@link fr.gestan.cloud.web.http.rest.NulCharacterCheck}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class NulCharacterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            // Reading the parameters fixes their decoding: UTF-8, as every page and Faces use (the servlet default,
            // ISO-8859-1, turned "é" into "Ã©" in every form field).
            request.setCharacterEncoding("UTF-8");
        }
        String field = offendingParameter(request.getParameterMap());
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(400);
            response.setContentType(Problems.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.body(Problems.locale(request.getHeader("Accept-Language")), 400,
                    "nul-character", "detail.nul-character", field));
        } else {
            response.sendError(400);
        }
    }

    /** The name of the first parameter whose name or a value holds U+0000 (itself cleaned of it), or null. */
    static String offendingParameter(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            boolean bad = p.getKey().indexOf('\0') >= 0;
            for (String v : p.getValue()) {
                bad |= v != null && v.indexOf('\0') >= 0;
            }
            if (bad) {
                return p.getKey().replace("\0", "");
            }
        }
        return null;
    }
}
