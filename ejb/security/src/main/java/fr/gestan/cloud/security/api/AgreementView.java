package fr.gestan.cloud.security.api;

import java.time.Instant;
import java.time.LocalDate;

/** A confidentiality agreement, without its document. */
public record AgreementView(long id, String username, LocalDate signedOn, LocalDate expiresOn, String fileName,
                            int documentSize, String documentSha256, Instant uploadedAt, String uploadedBy,
                            AgreementState state) implements java.io.Serializable {

    public enum AgreementState { NOT_YET_VALID, VALID, EXPIRING, EXPIRED }
}
