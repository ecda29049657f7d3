package fr.gestan.cloud.web.i18n;

import jakarta.el.ValueExpression;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import org.primefaces.component.api.Pageable;

/**
 * Every PrimeFaces paginator (data table, data list, data grid, tree table) reports its page in the user's
 * language: "(1 sur 3)", "(1 of 3)". PrimeFaces' default template is English whatever the locale; this listener
 * (faces-config.xml, on {@code PostAddToViewEvent}) gives every pageable component that does not set its own
 * {@code currentPageReportTemplate} the text of {@code msg['paginator.report']}, evaluated at each rendering.
 */
public class PaginatorTexts implements SystemEventListener {

    static final String PROPERTY = "currentPageReportTemplate";
    static final String EXPRESSION = "#{msg['paginator.report']}";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof Pageable;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        UIComponent component = (UIComponent) event.getSource();
        if (component.getValueExpression(PROPERTY) != null || isLocallySet(component)) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ValueExpression text = faces.getApplication().getExpressionFactory()
                .createValueExpression(faces.getELContext(), EXPRESSION, String.class);
        component.setValueExpression(PROPERTY, text);
    }

    private static boolean isLocallySet(UIComponent component) {
        // PrimeFaces answers its English default when nothing is set: a page's own template differs from it.
        Object set = component.getAttributes().get(PROPERTY);
        return set != null && !"({currentPage} of {totalPages})".equals(set);
    }
}
