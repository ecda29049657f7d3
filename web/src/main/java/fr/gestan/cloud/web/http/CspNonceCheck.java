package fr.gestan.cloud.web.http;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an AJAX postback's CSP nonce right after its view is restored, before any value is applied or action
 * runs. PrimeFaces checks it too, but only when it renders the answer: a postback without the nonce used to run
 * its action (and commit its write) and then answer 500. Same rule as PrimeFaces' {@code CspState}: the
 * {@code primefaces.nonce} parameter must equal the nonce kept in the view. A mismatch answers 400, nothing done.
 */
public class CspNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;
    static final String NONCE = "primefaces.nonce";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (!context.isPostback() || view == null || !context.getPartialViewContext().isAjaxRequest()) {
            return;
        }
        Map<String, Object> viewMap = view.getViewMap(false);
        Object expected = viewMap == null ? null : viewMap.get(NONCE);
        Object given = context.getExternalContext().getRequestParameterMap().get(NONCE);
        // No nonce kept: a view that could not be restored (expired: its own friendly page follows) or not under CSP.
        if (expected != null && !Objects.equals(expected.toString(), Objects.toString(given, ""))) {
            context.getExternalContext().setResponseStatus(HttpServletResponse.SC_BAD_REQUEST);
            context.responseComplete();
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }
}
