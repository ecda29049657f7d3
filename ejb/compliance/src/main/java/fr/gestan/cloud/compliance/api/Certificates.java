package fr.gestan.cloud.compliance.api;

import fr.gestan.cloud.tenants.api.TenantNotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Signed hosting and compliance certificates ("attestations"): issued by support and administrators when no
 * blocking rule fails, reissued (new number, the old one revoked as superseded), revoked with a reason. Clients
 * list and download their own company's; auditors list. Every issue, reissue, revocation and download is journaled.
 */
public interface Certificates {

    /** Largest PDF accepted for verification by upload. */
    int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    /**
     * Evaluates the rules now and issues a signed certificate; refused (with the findings) when one blocks or when one
     * of our obligations lacks fresh evidence, and ({@code VALID_EXISTS}, with its number) when the tenant already
     * holds a valid certificate: {@link #issueSuperseding} replaces it, once staff confirmed.
     */
    CertificateView issue(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren)
            throws TenantNotFoundException, CertificateRefusedException;

    /**
     * Issues a certificate as {@link #issue} does and marks every valid certificate the tenant held superseded by it
     * (revoked, with a link to its successor): what staff confirm after {@code VALID_EXISTS}.
     */
    CertificateView issueSuperseding(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren)
            throws TenantNotFoundException, CertificateRefusedException;

    /** Issues a new certificate for the same tenant and revokes this one as superseded. */
    CertificateView reissue(@NotBlank(message = "{certificate.number.required}") @Size(max = 32, message = "{certificate.number.format}") String number)
            throws CertificateNotFoundException, TenantNotFoundException, CertificateRefusedException;

    /** Revokes a certificate; the reason is kept and shown by the public verification. */
    CertificateView revoke(@NotBlank(message = "{certificate.number.required}") @Size(max = 32, message = "{certificate.number.format}") String number,
                           @NotBlank(message = "{certificate.reason.required}") @Size(max = 500, message = "{certificate.reason.size}") String reason)
            throws CertificateNotFoundException, CertificateRefusedException;

    /** One page of the registry, newest first, optionally of one tenant and one status. Staff and auditors. */
    List<CertificateView> search(@Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren, CertificateStatus status,
                                 @Min(value = 0, message = "{page.first.invalid}") int first,
                                 @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long count(@Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String tenantSiren, CertificateStatus status);

    /** The signed-in client's company's certificates, newest first. Clients only. */
    List<CertificateView> mine();

    /** The newest of {@link #mine}, as it lists it, or empty (the dashboard's tile: one row read, not up to 500). Clients only. */
    java.util.Optional<CertificateView> myLatest();

    /** The signed PDF, exactly as issued. Staff, or the certificate's own client (others are refused). Journaled. */
    CertificateFile download(@NotBlank(message = "{certificate.number.required}") @Size(max = 32, message = "{certificate.number.format}") String number)
            throws CertificateNotFoundException;

    /** Is this exact file one we issued, and what is its status now? Anyone; the web layer rate-limits it. */
    FileVerification verifyFile(@NotNull(message = "{certificate.file.required}") @Size(min = 1, max = MAX_UPLOAD_BYTES, message = "{certificate.file.size}") byte[] pdf);
}
