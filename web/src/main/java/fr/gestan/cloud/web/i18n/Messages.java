package fr.gestan.cloud.web.i18n;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The one message helper of the screens. Outcomes of actions, shown by the layout's message area (updated by every
 * AJAX request): {@code info/warn/error} take a key of the injection point's bundle ({@link Bundle}, default
 * {@code msg}), so each domain keeps its texts in its own bundle; {@link #add} names another bundle; field messages
 * show constraint violations next to their fields.
 */
@Dependent
public class Messages implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String BUNDLE = "fr.gestan.cloud.web.messages";
    static final String MAIN = "msg";

    private final String bundleVar;

    @Inject
    Messages(InjectionPoint point) {
        Bundle bundle = point == null || point.getAnnotated() == null ? null : point.getAnnotated().getAnnotation(Bundle.class);
        this.bundleVar = bundle == null ? MAIN : bundle.value();
    }

    public void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, bundleVar, key, args);
    }

    public void warn(String key, Object... args) {
        add(FacesMessage.SEVERITY_WARN, bundleVar, key, args);
    }

    public void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, bundleVar, key, args);
    }

    /** The text of {@code key} in this helper's bundle, formatted with {@code args}. */
    public String text(String key, Object... args) {
        return text(bundleVar, key, args);
    }

    /** Adds a message whose text is {@code key} in the bundle registered as {@code bundleVar} in faces-config.xml. */
    public void add(FacesMessage.Severity severity, String bundleVar, String key, Object... args) {
        show(severity, text(bundleVar, key, args));
    }

    /**
     * Shows {@code key}'s text as an error next to the field {@code formId:field} and marks the request as failed
     * validation (so that the page keeps what was typed): a refusal that is not a Bean Validation violation.
     */
    public void fieldError(String formId, String field, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(formId + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        faces.validationFailed();
    }

    /** Adds a global message of a text already made (a violation's message, a finding). */
    public void show(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** The text of {@code key} in bundle {@code bundleVar}, formatted ({@link MessageFormat}); "???key???" if missing. */
    public static String text(String bundleVar, String key, Object... args) {
        try {
            return MessageFormat.format(bundle(bundleVar).getString(key), args);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** The text of {@code key} as the pages show it ({@code #{cmsg['key']}}: not formatted); the key if missing. */
    public static String label(String bundleVar, String key) {
        try {
            return bundle(bundleVar).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * Shows each violation next to its field: the form's component ids are the property paths, without the method and
     * argument of method validation, dots turned into dashes ({@code update.arg2.administrative.email} →
     * {@code administrative-email}); {@code renamed} names the field of a property that is not one (a class-level
     * check). Returns false if there were any.
     */
    public boolean fieldMessages(String formId, Set<? extends ConstraintViolation<?>> violations, Map<String, String> renamed) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (ConstraintViolation<?> v : violations) {
            String field = fieldOf(v.getPropertyPath().toString(), renamed);
            String clientId = field == null ? null : formId + ":" + field;
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, localised(v), null));
        }
        faces.validationFailed();
        return violations.isEmpty();
    }

    /** Shows next to their fields the violations an EJB refused a call with; any other failure is thrown again. */
    public void fieldMessages(String formId, EJBException e, Map<String, String> renamed) {
        Set<ConstraintViolation<?>> refused = violationsOf(e);
        if (refused == null) {
            throw e;
        }
        fieldMessages(formId, refused, renamed);
    }

    /** The violations an EJB refused a call with, if that is why it failed; else null. */
    public static Set<ConstraintViolation<?>> violationsOf(EJBException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ConstraintViolationException cve) {
                return cve.getConstraintViolations();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    static String fieldOf(String path, Map<String, String> renamed) {
        // Method validation paths start with the method and argument: create.arg0.siren, update.arg2.address.city
        String p = path.replaceFirst("^\\w+\\.arg\\d+\\.?", "");
        p = renamed.getOrDefault(p, p);
        return p.isEmpty() ? null : p.replace('.', '-');
    }

    /**
     * A violation's message in the user's language (the view's locale), whatever the language the EJB that refused
     * interpolated it in: our {@code ValidationMessages} key, else the provider's own message (Hibernate Validator's
     * French and English texts) interpolated again for that locale.
     */
    public static String localised(ConstraintViolation<?> v) {
        return localised(v, locale());
    }

    static String localised(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            try {
                return ResourceBundle.getBundle("ValidationMessages", locale, Thread.currentThread().getContextClassLoader())
                        .getString(template.substring(1, template.length() - 1));
            } catch (MissingResourceException e) {
                // not one of ours: the provider's message, below
            }
        }
        try {
            return interpolator().interpolate(template, new MessageInterpolator.Context() {
                @Override
                public ConstraintDescriptor<?> getConstraintDescriptor() {
                    return v.getConstraintDescriptor();
                }

                @Override
                public Object getValidatedValue() {
                    return v.getInvalidValue();
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    throw new jakarta.validation.ValidationException("not supported: " + type);
                }
            }, locale);
        } catch (RuntimeException e) {
            return v.getMessage();
        }
    }

    private static volatile MessageInterpolator interpolator;

    private static MessageInterpolator interpolator() {
        if (interpolator == null) {
            interpolator = Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
        }
        return interpolator;
    }

    private static ResourceBundle bundle(String bundleVar) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, bundleVar);
        if (bundle == null) {
            bundle = ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader());
        }
        return bundle;
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
    }
}
