package fr.gestan.cloud.web.compliance;

import fr.gestan.cloud.compliance.api.CertificateCheck;
import fr.gestan.cloud.compliance.api.CertificateRegistry;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.compliance.api.Certificates;
import fr.gestan.cloud.compliance.api.FileVerification;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;

/**
 * Public verification of a certificate: by its number (typed in the page's plain GET form, or from the QR code's link:
 * both {@code /verify?number=...}, checked on arrival), or by uploading the PDF (is this exact file one we issued, and is it still valid). Each check
 * is rate-limited per address by {@code RateLimitFilter}. Request-scoped, on a stateless page: every form posts
 * what it checks, so an anonymous visitor leaves no session behind (docs/performance.md, 4.10).
 */
@Named
@RequestScoped
public class VerifyBean {

    @EJB
    CertificateRegistry registry;
    @EJB
    Certificates certificates;
    @Inject
    Messages messages;

    /** The longest certificate number the form accepts (its field's {@code maxlength}). */
    static final int NUMBER_MAX_LENGTH = 32;

    // Checked here (required, 32 characters), not by Bean Validation: the number arrives as a request parameter.
    private String number;
    /** The key (bundle {@code cmsg}) of what is wrong with the number sent, shown on its field; null when nothing. */
    private String numberProblem;
    /** True when no certificate has the number looked up: said in the page's result area, not as a Faces message. */
    private boolean unknown;
    private CertificateStatusView result;
    private Part file;
    private FileVerification fileResult;
    private boolean fileChecked;
    private fr.gestan.cloud.security.api.IssuingEntryProof issuing;
    /** The number whose issuing entry {@link #issuing} holds (null: none looked up yet). */
    private String issuingOf;

    public void verify() {
        fileChecked = false;
        CertificateCheck check = registry.check(number).orElse(null);
        result = check == null ? null : check.status();
        issuing = check == null ? null : check.issuing();
        issuingOf = check == null ? null : result.number();
        unknown = result == null;
    }

    /** The QR code's link: {@code /verify?number=GC-2026-000042} runs the check at once. */
    public void verifyFromLink() {
        if (number == null) {
            return; // the page opened without a number
        }
        if (number.isBlank()) {
            numberProblem = "verify.number.required"; // the form sent empty
        } else if (number.length() > NUMBER_MAX_LENGTH) {
            numberProblem = "verify.number.tooLong"; // a forged link: not looked up
        } else {
            verify();
        }
    }

    /** The page's view action: the number form and the QR code's link are both a GET with {@code number}. */
    public void verifyNumber(String requested) {
        number = requested;
        verifyFromLink();
    }

    public boolean isUnknown() {
        return unknown;
    }

    /** The key (bundle {@code cmsg}) of what is wrong with the number sent, shown on its field; null when nothing. */
    public String getNumberProblem() {
        return numberProblem;
    }

    public void verifyFile() {
        result = null;
        fileChecked = false;
        fileResult = null;
        if (file == null || file.getSize() == 0) {
            messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "verify.file.missing");
            return;
        }
        if (file.getSize() > Certificates.MAX_UPLOAD_BYTES) {
            messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "verify.file.tooLarge");
            return;
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(Certificates.MAX_UPLOAD_BYTES + 1);
        } catch (IOException e) {
            messages.add(FacesMessage.SEVERITY_WARN, "cmsg", "verify.file.missing");
            return;
        }
        fileChecked = true;
        fileResult = certificates.verifyFile(bytes);
        if (fileResult.issuedByUs()) {
            messages.add(FacesMessage.SEVERITY_INFO, "cmsg", "verify.file.ours." + fileResult.certificate().status(), fileResult.certificate().number());
        } else {
            messages.add(FacesMessage.SEVERITY_ERROR, "cmsg", "verify.file.notOurs");
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

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public FileVerification getFileResult() {
        return fileResult;
    }

    public boolean isFileChecked() {
        return fileChecked;
    }

    /**
     * The shown certificate's issuing journal entry: position, inclusion proof in the newest checkpoint (checked on
     * the server) and the PDF SHA-256 it recorded; never the actor or the address. Null when there is none.
     */
    public fr.gestan.cloud.security.api.IssuingEntryProof getIssuing() {
        CertificateStatusView shown = getShown();
        if (shown == null) {
            return null;
        }
        if (!shown.number().equals(issuingOf)) { // looked up once per view, even when there is none
            issuing = registry.issuing(shown.number()).orElse(null); // through the tenant, not shown
            issuingOf = shown.number();
        }
        return issuing;
    }

    /** What the page shows of a certificate: the number's result, else the uploaded file's. */
    public CertificateStatusView getShown() {
        return result != null ? result : fileResult == null ? null : fileResult.certificate();
    }
}
