package fr.gestan.cloud.web.security;

import fr.gestan.cloud.common.Shown;
import fr.gestan.cloud.security.api.AgreementRefusedException;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import fr.gestan.cloud.security.api.NewStaffMember;
import fr.gestan.cloud.security.api.StaffException;
import fr.gestan.cloud.security.api.StaffMemberView;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Staff members and their confidentiality agreements (administrators edit, auditors read). */
@Named
@ViewScoped
public class AgreementsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ConfidentialityAgreements agreements;
    @Inject
    @Bundle("smsg")
    Messages messages;

    private List<StaffMemberView> staff;
    private String username;
    private String displayName;
    private String role = "support";
    private String agreementUsername;
    private LocalDate signedOn;
    private LocalDate expiresOn;
    /** The native file field's upload (h:inputFile: PrimeFaces' simple upload hides its input from assistive technology). */
    private transient Part file;

    @PostConstruct
    void load() {
        staff = agreements.staff(0, 500);
    }

    public void register() {
        try {
            agreements.registerStaff(new NewStaffMember(username, displayName, role));
            messages.info("staff.registered", username);
            username = null;
            displayName = null;
            load();
        } catch (StaffException e) {
            messages.error("staff.error." + e.reason(), e.username());
        }
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            messages.error("agreement.error.EMPTY");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            // one byte more than allowed is enough for the service to refuse a document that is too large
            byte[] content = in.readNBytes(ConfidentialityAgreements.MAX_DOCUMENT_BYTES + 1);
            AgreementView recorded = agreements.recordAgreement(agreementUsername, signedOn, expiresOn,
                    file.getSubmittedFileName(), content);
            messages.info("agreement.recorded", recorded.username(), Shown.date(recorded.expiresOn()));
            load();
        } catch (AgreementRefusedException e) {
            messages.error("agreement.error." + e.reason(), ConfidentialityAgreements.MAX_DOCUMENT_BYTES / (1024 * 1024));
        } catch (StaffException e) {
            messages.error("staff.error." + e.reason(), e.username());
        } catch (IOException e) {
            // the container could not hand the upload over (its temporary file gone): nothing recorded, say so
            messages.error("agreement.error.EMPTY");
        } catch (EJBException e) {
            // a missing member or date: the service's own messages, not the error page
            messages.fieldMessages("upload", e, java.util.Map.of());
        } finally {
            file = null;
        }
    }

    public List<StaffMemberView> getStaff() {
        return staff;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getAgreementUsername() {
        return agreementUsername;
    }

    public void setAgreementUsername(String agreementUsername) {
        this.agreementUsername = agreementUsername;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public void setSignedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
