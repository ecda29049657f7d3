package fr.gestan.cloud.compliance.internal;

import fr.gestan.cloud.compliance.api.CertificateStatus;
import fr.gestan.cloud.compliance.api.CertificateStatusView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One issued certificate in the registry. */
@Entity
@Table(name = "certificate_record")
@NamedQuery(name = CertificateRecord.BY_NUMBER, query = "select c from CertificateRecord c where c.number = :number")
@NamedQuery(name = CertificateRecord.NEWEST_FIRST, query = "select c from CertificateRecord c order by c.id desc")
@NamedQuery(name = CertificateRecord.COUNT, query = "select count(c) from CertificateRecord c")
public class CertificateRecord {

    static final String BY_NUMBER = "CertificateRecord.byNumber";
    static final String NEWEST_FIRST = "CertificateRecord.newestFirst";
    static final String COUNT = "CertificateRecord.count";

    /** Certificates are valid for one year after issue. */
    static final Duration VALIDITY = Duration.ofDays(365);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32, updatable = false)
    private String number;

    @Column(name = "tenant_siren", nullable = false, length = 9, updatable = false)
    private String tenantSiren;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "valid_until", nullable = false, updatable = false)
    private Instant validUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revocation_reason", length = 500)
    private String revocationReason;

    protected CertificateRecord() {
        // for JPA
    }

    CertificateRecord(String number, String tenantSiren, String sha256, Instant issuedAt) {
        this.number = Objects.requireNonNull(number);
        this.tenantSiren = Objects.requireNonNull(tenantSiren);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        this.sha256 = sha256;
        this.issuedAt = Objects.requireNonNull(issuedAt);
        this.validUntil = issuedAt.plus(VALIDITY);
    }

    CertificateStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return CertificateStatus.REVOKED;
        }
        return now.isBefore(validUntil) ? CertificateStatus.VALID : CertificateStatus.EXPIRED;
    }

    CertificateStatusView toView(Instant now) {
        return new CertificateStatusView(number, tenantSiren, sha256, statusAt(now), issuedAt, validUntil);
    }
}
