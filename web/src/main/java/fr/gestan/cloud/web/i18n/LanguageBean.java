package fr.gestan.cloud.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The user's language: French by default, English on request, remembered in the {@value #COOKIE} cookie for a
 * year (set by {@link LanguageServlet}). Read on every request, so it needs no session and survives sign-in.
 */
@Named("language")
@RequestScoped
public class LanguageBean {

    public static final String COOKIE = "gestan_lang";

    @Inject
    HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = fromCookies(request.getCookies());
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** The language to offer in the switcher: the other one. */
    public String getOther() {
        return "en".equals(getLanguage()) ? "fr" : "en";
    }

    /** The link that switches to the other language and comes back to this page (a plain GET, no script). */
    public String getSwitchUrl() {
        String back = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
        String query = (String) request.getAttribute("jakarta.servlet.forward.query_string");
        if (back == null) {
            back = request.getRequestURI();
            query = request.getQueryString();
        }
        String next = back + (query == null || query.isBlank() ? "" : "?" + query);
        return request.getContextPath() + LanguageServlet.PATH + "?lang=" + getOther() + "&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The language the {@value #COOKIE} cookie asks for (also for downloads rendered outside Faces). */
    public static Locale fromCookies(Cookie[] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.FRENCH;
    }
}
