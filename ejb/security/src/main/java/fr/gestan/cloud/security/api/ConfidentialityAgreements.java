package fr.gestan.cloud.security.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff members and their confidentiality agreements. Administrators register and upload; auditors read.
 * Documents must be PDF files of at most {@value #MAX_DOCUMENT_BYTES} bytes.
 */
public interface ConfidentialityAgreements {

    int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    int EXPIRY_WARNING_DAYS = 30;

    StaffMemberView registerStaff(@NotNull(message = "{staff.required}") @Valid NewStaffMember member) throws StaffException;

    AgreementView recordAgreement(@NotBlank(message = "{staff.username.required}") String username,
                                  @NotNull(message = "{agreement.signedOn.required}") LocalDate signedOn,
                                  @NotNull(message = "{agreement.expiresOn.required}") LocalDate expiresOn,
                                  @NotBlank(message = "{agreement.fileName.required}") @Size(max = 200, message = "{agreement.fileName.size}") String fileName,
                                  @NotNull(message = "{agreement.document.required}") byte[] document)
            throws StaffException, AgreementRefusedException;

    List<StaffMemberView> staff(@Min(value = 0, message = "{page.first.invalid}") int first,
                                @Min(value = 1, message = "{page.size.invalid}") @Max(value = 500, message = "{page.size.invalid}") int max);

    long staffCount();

    List<AgreementView> agreementsOf(@NotBlank(message = "{staff.username.required}") String username);

    /** Agreements of staff whose latest agreement expires within {@value #EXPIRY_WARNING_DAYS} days (or has expired). */
    List<AgreementView> expiringSoon();

    /** The signed PDF (the download is journaled). */
    byte[] document(long agreementId) throws StaffException;
}
