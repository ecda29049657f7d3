package fr.gestan.cloud.compliance.api;

import java.time.Instant;

/**
 * What the public verification shows of a certificate: never more than this (the company's name and SIREN only to
 * whoever verifies the file itself, null when looked up by number; the reason of a revocation is not shown, only
 * that it was revoked, when, and by which certificate when it was reissued).
 */
public record CertificateStatusView(String number, String tenantSiren, String tenantName, String sha256, CertificateStatus status,
                                    Instant issuedAt, Instant validUntil, Instant revokedAt,
                                    String supersededBy) implements java.io.Serializable {
}
