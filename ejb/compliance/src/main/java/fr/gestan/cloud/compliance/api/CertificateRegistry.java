package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** The registry of issued hosting and compliance certificates ("attestations"). */
public interface CertificateRegistry {

    /** Publicly answers whether a certificate number exists and what its status is. Anyone, signed in or not. */
    Optional<CertificateStatusView> verify(@NotBlank(message = "{certificate.number.required}")
                                           @Size(max = 32, message = "{certificate.number.format}") String number);

    /**
     * The issuing journal entry of certificate {@code number} with its inclusion proof ({@code JournalProofs.certificateIssue});
     * empty for an unknown number. Anyone, as {@link #verify}.
     */
    Optional<fr.gestan.cloud.security.api.IssuingEntryProof> issuing(@NotBlank(message = "{certificate.number.required}")
                                                                     @Size(max = 32, message = "{certificate.number.format}") String number);

    /**
     * {@link #verify} and {@link #issuing} with one look-up of the number and in one transaction (the page
     * {@code /verify?number=}: docs/performance.md 4.21); empty for an unknown number. Anyone, as {@link #verify}.
     */
    Optional<CertificateCheck> check(@NotBlank(message = "{certificate.number.required}")
                                     @Size(max = 32, message = "{certificate.number.format}") String number);

    /** Records an issued certificate. Support and administrators only. */
    CertificateStatusView record(@NotBlank(message = "{tenant.siren.required}")
                                 @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren,
                                 @NotBlank(message = "{certificate.sha256.required}")
                                 @Pattern(regexp = "[0-9a-f]{64}", message = "{certificate.sha256.format}") String sha256);

    /** The newest certificates first. Staff only. */
    List<CertificateStatusView> latest(int max);
}
