package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;

/** The agreement the client read is no longer the current version: it must read the new one and accept that. */
@ApplicationException(rollback = true)
public class AgreementChangedException extends Exception {
    private static final long serialVersionUID = 1L;

    public AgreementChangedException(String message) {
        super(message);
    }
}
