package fr.gestan.cloud.compliance.api;

import java.time.Instant;

/** What the public verification page shows of a certificate: never more than this. */
public record CertificateStatusView(String number, String tenantSiren, String sha256, CertificateStatus status,
                                    Instant issuedAt, Instant validUntil) {
}
