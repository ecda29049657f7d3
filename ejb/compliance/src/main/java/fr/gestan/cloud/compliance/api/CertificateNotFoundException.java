package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;

/** No certificate has this number. */
@ApplicationException(rollback = true)
public class CertificateNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public CertificateNotFoundException(String number) {
        super("No certificate " + number);
    }
}
