package fr.gestan.cloud.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The user's language: French by default, English on request, remembered in a cookie for a year.
 */
@Named("language")
@SessionScoped
public class LanguageBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "gestan_lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Object cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(COOKIE);
            locale = cookie instanceof Cookie c && "en".equals(c.getValue()) ? Locale.ENGLISH : Locale.FRENCH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** Switches language and reloads the current page (a plain GET, so it also works after a POST). */
    public void switchTo(String language) throws IOException {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.addResponseCookie(COOKIE, locale.getLanguage(),
                Map.of("maxAge", ONE_YEAR, "path", "/", "httpOnly", true, "secure", external.isSecure(), "SameSite", "Lax"));
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
        String uri = (String) external.getRequestMap().get("jakarta.servlet.forward.request_uri");
        external.redirect(uri != null ? uri : external.getRequestContextPath() + external.getRequestServletPath());
    }
}
