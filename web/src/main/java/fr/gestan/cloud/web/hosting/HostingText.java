package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Localised messages of the hosting pages (bundle {@code hosting}), and the translation of refusals. */
@RequestScoped
public class HostingText {

    static final String BUNDLE = "fr.gestan.cloud.web.hosting";

    public void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /**
     * Shows why a service refused: a business rule (its localised reason), invalid input (each constraint's
     * message) or missing rights. Anything else is not expected and is rethrown.
     */
    public void refused(RuntimeException e) {
        if (e instanceof HostingRefusedException refused) {
            add(FacesMessage.SEVERITY_ERROR, text("refused." + refused.reason(), refused.detail() == null ? "" : refused.detail()));
            return;
        }
        if (e instanceof EJBAccessException) {
            add(FacesMessage.SEVERITY_ERROR, text("refused.FORBIDDEN"));
            return;
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        if (e instanceof EJBException && cause instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                add(FacesMessage.SEVERITY_ERROR, violation.getMessage());
            }
            return;
        }
        throw e;
    }

    public String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale(),
                Thread.currentThread().getContextClassLoader());
        try {
            return MessageFormat.format(bundle.getString(key), args);
        } catch (MissingResourceException missing) {
            return key;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
