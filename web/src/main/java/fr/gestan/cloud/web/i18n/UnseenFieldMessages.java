package fr.gestan.cloud.web.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIMessage;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A field's error is never lost: once a page's view is built and before it is rendered (PreRenderViewEvent), the messages of a field that has no message component of
 * its own (a date that does not parse, a number out of range, a service refusal mapped to a field) move to the page's
 * messages, which show only global ones, prefixed with the field's label. Without this, such a post re-rendered the
 * form with no word and recorded nothing.
 */
public class UnseenFieldMessages implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext faces = event.getFacesContext();
        List<String> withMessages = new ArrayList<>();
        faces.getClientIdsWithMessages().forEachRemaining(id -> {
            if (id != null) {
                withMessages.add(id);
            }
        });
        if (withMessages.isEmpty() || faces.getViewRoot() == null) {
            return;
        }
        Set<String> shown = shownFields(faces);
        for (String clientId : withMessages) {
            if (shown.contains(clientId)) {
                continue;
            }
            UIComponent field = faces.getViewRoot().findComponent(":" + clientId);
            Object label = field == null ? null : field.getAttributes().get("label");
            List<FacesMessage> moved = new ArrayList<>();
            for (Iterator<FacesMessage> it = faces.getMessages(clientId); it.hasNext(); ) {
                moved.add(it.next());
                it.remove();
            }
            for (FacesMessage m : moved) {
                String summary = label == null || m.getSummary().contains(label.toString()) ? m.getSummary() : label + " : " + m.getSummary();
                faces.addMessage(null, new FacesMessage(m.getSeverity(), summary, m.getDetail()));
            }
        }
    }

    /** The client ids that a message component of the view shows. */
    private static Set<String> shownFields(FacesContext faces) {
        Set<String> shown = new HashSet<>();
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (context, component) -> {
            if (component instanceof UIMessage message && message.getFor() != null) {
                UIComponent target = message.findComponent(message.getFor());
                if (target != null) {
                    shown.add(target.getClientId(faces));
                }
            }
            return VisitResult.ACCEPT;
        });
        return shown;
    }
}
