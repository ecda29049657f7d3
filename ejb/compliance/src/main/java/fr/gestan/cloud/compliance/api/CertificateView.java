package fr.gestan.cloud.compliance.api;

import java.time.Instant;

/** A certificate in the registry, as staff and its own client see it. */
public record CertificateView(String number, String tenantSiren, String tenantName, String sha256, CertificateStatus status,
                              Instant issuedAt, Instant validUntil, String issuedBy, Instant revokedAt, String revocationReason,
                              String supersedes, String supersededBy, int sizeBytes) implements java.io.Serializable {

    /** The download file name. */
    public String fileName() {
        return "attestation-" + number + ".pdf";
    }
}
