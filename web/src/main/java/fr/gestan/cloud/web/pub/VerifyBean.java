package fr.gestan.cloud.web.pub;

import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Public verification of a certificate by its number. */
@Named
@ViewScoped
public class VerifyBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CertificateRegistry registry;
    @Inject
    Messages messages;

    @NotBlank(message = "{certificate.number.required}")
    @Size(max = 32, message = "{certificate.number.format}")
    private String number;
    private CertificateStatusView result;
    private boolean searched;

    public void verify() {
        searched = true;
        result = registry.verify(number).orElse(null);
        if (result == null) {
            messages.warn("verify.unknown");
        }
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public CertificateStatusView getResult() {
        return result;
    }

    public boolean isSearched() {
        return searched;
    }
}
