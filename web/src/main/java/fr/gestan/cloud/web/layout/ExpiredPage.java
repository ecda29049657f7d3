package fr.gestan.cloud.web.layout;

import fr.gestan.cloud.web.http.SafeRedirect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** The "expired" page: why (the session, or only the page's view) and where to continue (a local path). */
@Named
@RequestScoped
public class ExpiredPage {

    @Inject
    HttpServletRequest request;

    public boolean isSession() {
        return "session".equals(request.getParameter("reason"));
    }

    /** Where "continue" leads: the page the user was on, or the home page. */
    public String getNext() {
        String next = request.getParameter("next");
        if (next == null) {
            Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (forwarded == null) {
                forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            }
            next = forwarded instanceof String s ? s : sameOriginReferer();
        }
        return SafeRedirect.localPath(request.getContextPath(), next);
    }

    /** After PrimeFaces' redirect of an AJAX request, the page that sent it (if it is ours). */
    private String sameOriginReferer() {
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String referer = request.getHeader("Referer");
        return referer != null && referer.startsWith(origin + "/") ? referer.substring(origin.length()) : null;
    }
}
