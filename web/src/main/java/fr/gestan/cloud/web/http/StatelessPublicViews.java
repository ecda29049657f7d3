package fr.gestan.cloud.web.http;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Set;

/**
 * Makes the public pages stateless Faces views, so that an anonymous visitor gets no HTTP session: their forms post
 * what they need and their beans are request-scoped (docs/performance.md, 4.10). The pages are named one by one in
 * {@link #VIEW_IDS}: any other page (the portal, the back office, a test fixture, a page added later) stays stateful
 * until it is added here on purpose, with its beans made request-scoped.
 * <p>
 * The views are marked right after they are restored or created: the layout's {@code <f:view transient>}
 * ({@code LayoutBean.stateless}, the same list) acts only once the page is built, after PrimeFaces' CSP listener has
 * kept its nonce in the view map, and a view map makes Mojarra open a session. Both are needed: Mojarra restores a
 * stateless postback only into a view built transient. A signed-in user on these pages keeps their session; the
 * pages just keep no view in it.
 */
public class StatelessPublicViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    /** The stateless pages: the public audience's pages and the error pages (reached from any page, 404 included). */
    static final Set<String> VIEW_IDS = Set.of("/index.xhtml", "/status.xhtml", "/status-archive.xhtml", "/trust.xhtml",
            "/verify.xhtml", "/error/400.xhtml", "/error/403.xhtml", "/error/404.xhtml", "/error/500.xhtml",
            "/error/503.xhtml", "/error/expired.xhtml");

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        UIViewRoot view = event.getFacesContext().getViewRoot();
        if (view != null && isStateless(view.getViewId())) {
            view.setTransient(true);
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    /** Whether the view is one of the stateless public pages of {@link #VIEW_IDS}. */
    public static boolean isStateless(String viewId) {
        return viewId != null && VIEW_IDS.contains(viewId);
    }
}
