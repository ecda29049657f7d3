package fr.gestan.cloud.web.i18n;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * A view starts in the user's language ({@link LanguageBean}'s cookie), not the browser's: Faces gives a new view the
 * locale of the request's {@code Accept-Language} (the server's default when there is none) and the layout's
 * {@code f:view locale} replaces it only when the page is built, after the view's actions have run. A message or a
 * text made by a {@code f:viewAction} (the client journal's "included in checkpoint …", a refusal) was in English
 * on a French page whenever the browser asked for English or for nothing.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return localeOf(context.getExternalContext().getRequest());
    }

    /** The language of {@code request}'s cookie; French outside an HTTP request. */
    static Locale localeOf(Object request) {
        return request instanceof HttpServletRequest http ? LanguageBean.fromCookies(http.getCookies()) : Locale.FRENCH;
    }
}
