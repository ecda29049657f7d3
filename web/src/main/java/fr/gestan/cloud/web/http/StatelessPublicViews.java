package fr.gestan.cloud.web.http;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Makes the public pages (everything outside {@code /portal/} and {@code /admin/}: home, /status, /trust, /verify,
 * the error pages) stateless Faces views, so that an anonymous visitor gets no HTTP session: their forms post what
 * they need and their beans are request-scoped (docs/performance.md, 4.8). The views are marked right after they are
 * restored or created: the layout's {@code <f:view transient>} ({@code LayoutBean.stateless}, same rule) acts only
 * once the page is built, after PrimeFaces' CSP listener has kept its nonce in the view map, and a view map makes
 * Mojarra open a session. Both are needed: Mojarra restores a stateless postback only into a transient view. A
 * signed-in user on these pages keeps their session; the pages just keep no view in it.
 */
public class StatelessPublicViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        UIViewRoot view = event.getFacesContext().getViewRoot();
        if (view != null && isPublic(view.getViewId())) {
            view.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    /** A page of the public audience: not under the portal's or the back office's folders. */
    public static boolean isPublic(String viewId) {
        return viewId != null && !viewId.startsWith("/portal/") && !viewId.startsWith("/admin/");
    }
}
