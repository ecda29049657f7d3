package fr.gestan.cloud.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The signed PDF of one agreement, stored apart so that lists never load it. */
@Entity
@Table(name = "agreement_document")
public class AgreementDocument {

    @Id
    private Long agreementId;

    @Column(updatable = false)
    private byte[] content;

    protected AgreementDocument() {
        // for JPA
    }

    AgreementDocument(long agreementId, byte[] content) {
        this.agreementId = agreementId;
        this.content = content.clone();
    }

    byte[] content() {
        return content.clone();
    }
}
