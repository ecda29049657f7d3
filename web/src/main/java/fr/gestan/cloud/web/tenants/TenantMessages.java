package fr.gestan.cloud.web.tenants;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/** Messages of the tenants pages (bundle {@code tenants}, var {@code tmsg}), and validation messages per field. */
@RequestScoped
public class TenantMessages {

    static final String BUNDLE = "fr.gestan.cloud.web.tenants";

    public void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public void error(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
    }

    public String text(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale(), Thread.currentThread().getContextClassLoader());
        return MessageFormat.format(bundle.getString(key), args);
    }

    /**
     * Shows each violation next to its field: the form's component ids are the property paths with dots turned
     * into dashes ({@code administrative.email} → {@code administrative-email}). Returns false if there were any.
     */
    public boolean fieldMessages(String formId, Set<? extends ConstraintViolation<?>> violations) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (ConstraintViolation<?> v : violations) {
            String field = fieldOf(v.getPropertyPath().toString());
            String clientId = field == null ? null : formId + ":" + field;
            faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, localised(v), null));
        }
        faces.validationFailed();
        return violations.isEmpty();
    }

    /**
     * Shows next to their fields the violations an EJB refused a call with; any other failure is thrown again.
     */
    public void fieldMessages(String formId, EJBException e) {
        Set<ConstraintViolation<?>> refused = violationsOf(e);
        if (refused == null) {
            throw e;
        }
        fieldMessages(formId, refused);
    }

    /** The violations an EJB refused a call with, if that is why it failed. */
    private static Set<ConstraintViolation<?>> violationsOf(EJBException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof ConstraintViolationException cve) {
                return cve.getConstraintViolations();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }

    static String fieldOf(String path) {
        // Method validation paths start with the method and argument: create.arg0.siren, update.arg2.address.city
        String p = path.replaceFirst("^\\w+\\.arg\\d+\\.?", "");
        p = switch (p) {
            case "siretOfSiren" -> "siret";
            case "vatOfSiren" -> "vatNumber";
            case "address.postalCodeValidForCountry" -> "address.postalCode";
            default -> p;
        };
        return p.isEmpty() ? null : p.replace('.', '-');
    }

    private String localised(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            try {
                return ResourceBundle.getBundle("ValidationMessages", locale(), Thread.currentThread().getContextClassLoader())
                        .getString(template.substring(1, template.length() - 1));
            } catch (MissingResourceException e) {
                return v.getMessage();
            }
        }
        return v.getMessage();
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
    }
}
