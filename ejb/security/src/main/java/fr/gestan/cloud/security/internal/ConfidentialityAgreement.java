package fr.gestan.cloud.security.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.security.api.AgreementRefusedException;
import fr.gestan.cloud.security.api.AgreementRefusedException.Reason;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.AgreementView.AgreementState;
import fr.gestan.cloud.security.api.ConfidentialityAgreements;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A signed confidentiality agreement of a staff member, valid from {@code signedOn} until the day before
 * {@code expiresOn}. Its PDF is kept apart ({@link AgreementDocument}).
 */
@Entity
@jakarta.persistence.EntityListeners(fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class) // the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "confidentiality_agreement")
@NamedQuery(name = ConfidentialityAgreement.OF_STAFF,
        query = "select a from ConfidentialityAgreement a where a.username = :username order by a.expiresOn desc, a.id desc")
@NamedQuery(name = ConfidentialityAgreement.VALID_ON,
        query = "select count(a) from ConfidentialityAgreement a where a.username = :username and a.signedOn <= :day and a.expiresOn > :day")
@NamedQuery(name = ConfidentialityAgreement.LATEST_PER_STAFF,
        query = "select a from ConfidentialityAgreement a where a.username in :usernames order by a.username, a.expiresOn desc, a.id desc")
@NamedQuery(name = ConfidentialityAgreement.EXPIRING_BEFORE,
        query = "select a from ConfidentialityAgreement a where a.expiresOn <= :limit and not exists ("
                + "select b from ConfidentialityAgreement b where b.username = a.username and b.expiresOn > a.expiresOn)"
                + " order by a.expiresOn")
public class ConfidentialityAgreement extends GeneratedId {

    static final String OF_STAFF = "ConfidentialityAgreement.ofStaff", VALID_ON = "ConfidentialityAgreement.validOn",
            LATEST_PER_STAFF = "ConfidentialityAgreement.latestPerStaff",
            EXPIRING_BEFORE = "ConfidentialityAgreement.expiringBefore";

    @Column(name = "staff_username", updatable = false)
    private String username;

    @Column(updatable = false)
    private LocalDate signedOn;

    @Column(updatable = false)
    private LocalDate expiresOn;

    @Column(updatable = false)
    private String fileName;

    @Column(updatable = false)
    private int documentSize;

    @Column(updatable = false)
    private String documentSha256;

    @Column(updatable = false)
    private Instant uploadedAt;

    @Column(updatable = false)
    private String uploadedBy;

    protected ConfidentialityAgreement() {
        // for JPA
    }

    ConfidentialityAgreement(String username, LocalDate signedOn, LocalDate expiresOn, String fileName, byte[] document,
                             Instant uploadedAt, String uploadedBy) throws AgreementRefusedException {
        checkDocument(fileName, document);
        if (!expiresOn.isAfter(signedOn)) {
            throw new AgreementRefusedException(Reason.DATES_INVERTED);
        }
        this.username = Objects.requireNonNull(username);
        this.signedOn = signedOn;
        this.expiresOn = expiresOn;
        this.fileName = fileName.strip();
        this.documentSize = document.length;
        this.documentSha256 = fr.gestan.cloud.security.api.JournalVerifier.hex(fr.gestan.cloud.security.api.JournalVerifier.sha256(document));
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
    }

    /**
     * A PDF by its content, not by what the browser claims: a {@code .pdf} name, the {@code %PDF-} header at the
     * start and an {@code %%EOF} marker in the last kilobyte, at most {@link ConfidentialityAgreements#MAX_DOCUMENT_BYTES}.
     */
    static void checkDocument(String fileName, byte[] document) throws AgreementRefusedException {
        if (document == null || document.length == 0) {
            throw new AgreementRefusedException(Reason.EMPTY);
        }
        if (document.length > ConfidentialityAgreements.MAX_DOCUMENT_BYTES) {
            throw new AgreementRefusedException(Reason.TOO_LARGE);
        }
        if (fileName == null || !fileName.strip().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw new AgreementRefusedException(Reason.NOT_A_PDF_NAME);
        }
        String head = new String(document, 0, Math.min(document.length, 5), StandardCharsets.ISO_8859_1);
        int tailFrom = Math.max(0, document.length - 1024);
        String tail = new String(document, tailFrom, document.length - tailFrom, StandardCharsets.ISO_8859_1);
        if (!head.equals("%PDF-") || !tail.contains("%%EOF")) {
            throw new AgreementRefusedException(Reason.NOT_PDF);
        }
        // Auditors open these files: nothing in them may run (scripts, automatic actions, launches, attachments).
        if (PdfActiveContent.find(document) != null) {
            throw new AgreementRefusedException(Reason.ACTIVE_CONTENT);
        }
    }

    AgreementState stateOn(LocalDate day) {
        if (day.isBefore(signedOn)) {
            return AgreementState.NOT_YET_VALID;
        }
        if (!day.isBefore(expiresOn)) {
            return AgreementState.EXPIRED;
        }
        return day.plusDays(ConfidentialityAgreements.EXPIRY_WARNING_DAYS).isBefore(expiresOn)
                ? AgreementState.VALID : AgreementState.EXPIRING;
    }

    AgreementView toView(LocalDate today) {
        return new AgreementView(id(), username, signedOn, expiresOn, fileName, documentSize, documentSha256, uploadedAt,
                uploadedBy, stateOn(today));
    }

    String username() {
        return username;
    }
}
