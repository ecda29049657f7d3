package fr.gestan.cloud.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Adds localised messages (from the {@code messages} bundle) to the current page. */
@RequestScoped
public class Messages {

    static final String BUNDLE = "fr.gestan.cloud.web.messages";

    public void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, key, args);
    }

    public void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, key, args);
    }

    public void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private void add(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale(),
                Thread.currentThread().getContextClassLoader());
        String text = MessageFormat.format(bundle.getString(key), args);
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }
}
