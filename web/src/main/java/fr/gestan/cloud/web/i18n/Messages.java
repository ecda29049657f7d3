package fr.gestan.cloud.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Outcomes of actions, shown by the layout's message area (updated by every AJAX request): {@code info/warn/error}
 * take a key of the {@code msg} bundle; {@link #add} takes the {@code var} of another bundle of faces-config.xml
 * (e.g. {@code hmsg}), so each module keeps its texts in its own bundle.
 */
@RequestScoped
public class Messages {

    static final String BUNDLE = "fr.gestan.cloud.web.messages";

    public void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, "msg", key, args);
    }

    public void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, "msg", key, args);
    }

    public void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, "msg", key, args);
    }

    /** Adds a message whose text is {@code key} in the bundle registered as {@code bundleVar} in faces-config.xml. */
    public void add(FacesMessage.Severity severity, String bundleVar, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, bundleVar);
        if (bundle == null) {
            bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale(),
                    Thread.currentThread().getContextClassLoader());
        }
        String text;
        try {
            text = MessageFormat.format(bundle.getString(key), args);
        } catch (MissingResourceException e) {
            text = "???" + key + "???";
        }
        faces.addMessage(null, new FacesMessage(severity, text, null));
    }
}
