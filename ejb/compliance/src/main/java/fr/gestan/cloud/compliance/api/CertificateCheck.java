package fr.gestan.cloud.compliance.api;

import fr.gestan.cloud.security.api.IssuingEntryProof;

/**
 * What {@code /verify?number=} shows of a certificate, read with one look-up of its number: its public status
 * ({@link CertificateRegistry#verify}) and its issuing journal entry's proof ({@link CertificateRegistry#issuing}),
 * null when no issuing entry was journaled.
 */
public record CertificateCheck(CertificateStatusView status, IssuingEntryProof issuing) implements java.io.Serializable {
}
