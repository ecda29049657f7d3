package fr.gestan.cloud.compliance.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** The exact bytes of a signed certificate, as issued (never changed: the registry's SHA-256 is theirs). */
@Entity
@Table(name = "certificate_document")
@NamedQuery(name = CertificateDocument.SIZES, query = "select d.number, d.sizeBytes from CertificateDocument d where d.number in :numbers")
public class CertificateDocument {

    static final String SIZES = "CertificateDocument.sizes";

    @Id
    @Column(updatable = false)
    private String number;

    @Column(updatable = false)
    private byte[] pdf;

    @Column(updatable = false)
    private int sizeBytes;

    protected CertificateDocument() {
        // for JPA
    }

    CertificateDocument(String number, byte[] pdf) {
        this.number = Objects.requireNonNull(number);
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("a certificate document needs its bytes");
        }
        this.pdf = pdf.clone();
        this.sizeBytes = pdf.length;
    }

    byte[] pdf() {
        return pdf.clone();
    }
}
