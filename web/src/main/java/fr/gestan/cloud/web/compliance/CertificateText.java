package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.RuleFinding;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the certificate screens (bundle {@code cmsg}), for messages built in Java. */
final class CertificateText {

    private CertificateText() {
    }

    static String get(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "cmsg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** One message per blocking finding: rule, localised finding, evidence. */
    static void findings(List<RuleFinding> findings) {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (RuleFinding f : findings) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    f.ruleId() + " : " + get("finding.code." + f.code()) + (f.evidence() == null || f.evidence().isBlank() ? "" : " (" + f.evidence() + ")"), null));
        }
    }
}
