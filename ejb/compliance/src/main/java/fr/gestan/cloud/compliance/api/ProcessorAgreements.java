package fr.gestan.cloud.compliance.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * GDPR art. 28 processor agreements, one per hosting contract, generated from live data. A client reads, downloads
 * and accepts its own; staff and auditors see every tenant's status and documents. Acceptances and downloads are
 * journaled.
 */
public interface ProcessorAgreements {

    /** The calling client's agreements, one per contract not terminated. Clients only. */
    List<AgreementStatusView> mine();

    /** A tenant's agreements. Staff and auditors. */
    List<AgreementStatusView> of(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren);

    /**
     * The calling client accepts the version {@code sha256} of a contract's agreement (the one it was shown).
     * Refused when the contract is not its own ({@link DocumentNotFoundException}) or when the current version
     * differs ({@link AgreementChangedException}). Clients only.
     */
    AgreementStatusView accept(long contractId,
                               @NotNull(message = "{agreement.sha256.required}") @Pattern(regexp = "[0-9a-f]{64}", message = "{agreement.sha256.required}") String sha256)
            throws DocumentNotFoundException, AgreementChangedException;

    /**
     * The current version of a tenant's contract's agreement as PDF (with its acceptance status at the end): a client
     * only for its own tenant ({@link DocumentNotFoundException} otherwise, journaled), staff and auditors any.
     */
    byte[] document(@NotNull(message = "{tenant.siren.required}") @Pattern(regexp = "\\d{9}", message = "{tenant.siren.format}") String siren,
                    long contractId) throws DocumentNotFoundException;
}
