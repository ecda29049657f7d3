package fr.gestan.cloud.compliance.internal.documents;

import fr.gestan.cloud.common.persistence.GeneratedId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A client's acceptance of one exact version of a contract's processor agreement, with the PDF it accepted. Never changed. */
@Entity
@Table(name = "processor_agreement_acceptance")
@NamedQuery(name = AgreementAcceptance.OF_TENANT, query = "select a from AgreementAcceptance a where a.tenantSiren = :siren" + AgreementAcceptance.NEWEST_FIRST)
@NamedQuery(name = AgreementAcceptance.META_OF_TENANTS, query = "select " + AgreementAcceptance.META + ", a.tenantSiren from AgreementAcceptance a"
        + " where a.tenantSiren in :sirens" + AgreementAcceptance.NEWEST_FIRST)
@NamedQuery(name = AgreementAcceptance.META_OF_TENANT, query = "select " + AgreementAcceptance.META + " from AgreementAcceptance a"
        + " where a.tenantSiren = :siren" + AgreementAcceptance.NEWEST_FIRST)
public class AgreementAcceptance extends GeneratedId {

    public static final String OF_TENANT = "AgreementAcceptance.ofTenant";
    public static final String META_OF_TENANT = "AgreementAcceptance.metaOfTenant";
    /** {@link #META_OF_TENANT} for a page of tenants, the SIREN last. */
    public static final String META_OF_TENANTS = "AgreementAcceptance.metaOfTenants";
    /** An acceptance without its text: contract id, text hash, by, at, id (its readers take them by position). */
    static final String META = "a.contractId, a.contentSha256, a.acceptedBy, a.acceptedAt, a.id";
    static final String NEWEST_FIRST = " order by a.acceptedAt desc, a.id desc";

    @Column(updatable = false)
    private String tenantSiren;

    @Column(updatable = false)
    private long contractId;

    @Column(updatable = false)
    private String contentSha256;

    @Column(updatable = false)
    private String pdfSha256;

    @Column(updatable = false)
    private byte[] pdf;

    @Column(updatable = false)
    private String acceptedBy;

    @Column(updatable = false)
    private Instant acceptedAt;

    protected AgreementAcceptance() {
        // for JPA
    }

    AgreementAcceptance(String tenantSiren, long contractId, String contentSha256, byte[] pdf, String acceptedBy, Instant acceptedAt) {
        if (!contentSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("content sha256 must be 64 lower-case hex digits");
        }
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("the accepted document is required");
        }
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
        this.contractId = contractId;
        this.contentSha256 = contentSha256;
        this.pdf = pdf.clone();
        this.pdfSha256 = DocumentText.sha256(pdf);
        this.acceptedBy = Objects.requireNonNull(acceptedBy);
        this.acceptedAt = Objects.requireNonNull(acceptedAt);
    }

    public String tenantSiren() {
        return tenantSiren;
    }

    public long contractId() {
        return contractId;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public String pdfSha256() {
        return pdfSha256;
    }

    public byte[] pdf() {
        return pdf.clone();
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
