package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import fr.gestan.cloud.compliance.api.CertificateView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One issued certificate in the registry. Its PDF is a {@link CertificateDocument} of the same number. */
@Entity
@Table(name = "certificate_record")
@NamedQuery(name = CertificateRecord.COUNT_BY_KEY, query = "select c.signingKeyId, count(c) from CertificateRecord c group by c.signingKeyId")
@NamedQuery(name = CertificateRecord.BY_NUMBER, query = "select c from CertificateRecord c where c.number = :number")
@NamedQuery(name = CertificateRecord.BY_SHA256, query = "select c from CertificateRecord c where c.sha256 = :sha256 order by c.id")
@NamedQuery(name = CertificateRecord.NEWEST_FIRST, query = "select c from CertificateRecord c order by c.id desc")
@NamedQuery(name = CertificateRecord.OF_TENANT, query = "select c from CertificateRecord c where c.tenantSiren = :siren order by c.id desc")
@NamedQuery(name = CertificateRecord.OF_TENANT_WITH_SIZE, query = "select c, d.sizeBytes from CertificateRecord c"
        + " left join CertificateDocument d on d.number = c.number where c.tenantSiren = :siren order by c.id desc")
@NamedQuery(name = CertificateRecord.EXPORT_PAGE, query = "select c, d.pdf from CertificateRecord c"
        + " left join CertificateDocument d on d.number = c.number where c.tenantSiren = :siren and c.id > :after order by c.id")
@NamedQuery(name = CertificateRecord.NUMBER_TAKEN, query = "select count(c) from CertificateRecord c where c.number = :number")
@NamedQuery(name = CertificateRecord.NUMBERS_TAKEN, query = "select c.number from CertificateRecord c where c.number in :numbers")
@NamedQuery(name = CertificateRecord.VALID_OF_TENANTS, query = "select c.tenantSiren, c.number from CertificateRecord c "
        + CertificateRecord.VALID_OF_SIRENS + " order by c.id desc")
@NamedQuery(name = CertificateRecord.HOLDING_VALID_SINCE, query = CertificateRecord.HOLDING_VALID_QUERY + " and c.issuedAt >= :since")
public class CertificateRecord extends GeneratedId {

    static final String COUNT_BY_KEY = "CertificateRecord.countByKey", BY_NUMBER = "CertificateRecord.byNumber",
            BY_SHA256 = "CertificateRecord.bySha256", NEWEST_FIRST = "CertificateRecord.newestFirst",
            OF_TENANT = "CertificateRecord.ofTenant",
            NUMBER_TAKEN = "CertificateRecord.numberTaken";
    /**
     * A tenant's certificates, newest first, each with its PDF's size (null if it has none), in one statement (the
     * client's list and dashboard tile: {@code Certificates.mine}; the sizes were a second statement).
     */
    static final String OF_TENANT_WITH_SIZE = "CertificateRecord.ofTenantWithSize";
    /** A tenant's certificates after an id (keyset), in id order, each with its PDF (null if it has none): the export's page. */
    static final String EXPORT_PAGE = "CertificateRecord.exportPage";

    /** Which of these numbers older rows hold (one statement for a batch page's numbers). */
    static final String NUMBERS_TAKEN = "CertificateRecord.numbersTaken";
    static final String HOLDING_VALID_SINCE = "CertificateRecord.holdingValidSince";
    /** Which of these tenants hold a valid certificate now, with its number (the newest first). */
    static final String VALID_OF_TENANTS = "CertificateRecord.validOfTenants";
    /** The queries' one copy of "valid now" (not revoked, not expired), for the tenants given. */
    static final String VALID_OF_SIRENS = "where c.tenantSiren in :sirens and c.revokedAt is null and c.validUntil > :now";
    static final String HOLDING_VALID_QUERY = "select distinct c.tenantSiren from CertificateRecord c " + VALID_OF_SIRENS;

    /** Certificates are valid for one year after issue. */
    static final Duration VALIDITY = Duration.ofDays(365);
    static final String SUPERSEDED = "superseded";

    @Column(updatable = false)
    private String number;

    @Column(updatable = false)
    private String tenantSiren;

    @Column(updatable = false)
    private String tenantName;

    @Column(updatable = false)
    private String sha256;

    @Column(updatable = false)
    private Instant issuedAt;

    @Column(updatable = false)
    private Instant validUntil;

    @Column(updatable = false)
    private String issuedBy;

    @Column(updatable = false)
    private String supersedes;

    /** The signing key's id ({@code SigningKeyRing}); null for certificates issued before key ids were recorded. */
    @Column(updatable = false)
    private String signingKeyId;

    private Instant revokedAt;

    private String revocationReason;

    private String revokedBy;

    private String supersededBy;

    /** Records which key signed the PDF, before the record is stored. */
    void signedWith(String keyId) {
        this.signingKeyId = keyId;
    }

    String signingKeyId() {
        return signingKeyId;
    }

    protected CertificateRecord() {
        // for JPA
    }

    CertificateRecord(String number, String tenantSiren, String sha256, Instant issuedAt) {
        this(number, tenantSiren, null, sha256, issuedAt, null, null);
    }

    /** A SHA-256 as the registry keeps it (compiled once, not once per certificate). */
    private static final java.util.regex.Pattern SHA256 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    CertificateRecord(String number, String tenantSiren, String tenantName, String sha256, Instant issuedAt, String issuedBy,
                      String supersedes) {
        this.number = Objects.requireNonNull(number);
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        this.tenantName = tenantName;
        this.sha256 = sha256;
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.validUntil = validUntil(issuedAt);
        this.issuedBy = issuedBy;
        this.supersedes = supersedes;
    }

    static Instant validUntil(Instant issuedAt) {
        return issuedAt.plus(VALIDITY);
    }

    String number() {
        return number;
    }

    String tenantSiren() {
        return tenantSiren;
    }

    String tenantName() {
        return tenantName;
    }

    String sha256() {
        return sha256;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant validUntil() {
        return validUntil;
    }

    String issuedBy() {
        return issuedBy;
    }

    String supersedes() {
        return supersedes;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    /** Revokes the certificate; a revoked certificate stays revoked. */
    void revoke(String reason, String by, Instant at) {
        if (revokedAt != null) {
            throw new IllegalStateException("already revoked");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        this.revokedAt = Objects.requireNonNull(at);
        this.revocationReason = reason.strip();
        this.revokedBy = by;
    }

    /** Revokes it because {@code successor} replaces it. */
    void supersede(String successor, String by, Instant at) {
        revoke(SUPERSEDED + " " + successor, by, at);
        this.supersededBy = successor;
    }

    CertificateStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return CertificateStatus.REVOKED;
        }
        return now.isBefore(validUntil) ? CertificateStatus.VALID : CertificateStatus.EXPIRED;
    }

    CertificateStatusView toView(Instant now) {
        return new CertificateStatusView(number, tenantSiren, tenantName, sha256, statusAt(now), issuedAt, validUntil, revokedAt, supersededBy);
    }

    CertificateView toFullView(Instant now, int sizeBytes) {
        return new CertificateView(number, tenantSiren, tenantName, sha256, statusAt(now), issuedAt, validUntil, issuedBy, revokedAt,
                revocationReason, supersedes, supersededBy, sizeBytes);
    }
}
