package fr.gestan.cloud.web.i18n;

import fr.gestan.cloud.web.http.SafeRedirect;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /language?lang=en&next=/portal/}: remembers the language for a year (cookie Secure, HttpOnly,
 * SameSite=Lax) and goes back to the page, which is a path of this application only (no open redirect).
 */
@WebServlet(LanguageServlet.PATH)
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/language";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = "en".equals(request.getParameter("lang")) ? "en" : "fr";
        Cookie cookie = new Cookie(LanguageBean.COOKIE, language);
        cookie.setMaxAge(ONE_YEAR);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.sendRedirect(SafeRedirect.localPath(request.getContextPath(), request.getParameter("next")));
    }
}
