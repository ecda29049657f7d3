package fr.gestan.cloud.compliance.api;

import jakarta.ejb.ApplicationException;

/** No such document for the caller: unknown contract or entry, or another tenant's (clients never learn which). */
@ApplicationException(rollback = true)
public class DocumentNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public DocumentNotFoundException(String message) {
        super(message);
    }
}
