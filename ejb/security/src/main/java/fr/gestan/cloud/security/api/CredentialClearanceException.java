package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** The caller may not know credentials: not support staff, or no valid confidentiality agreement. */
@ApplicationException(rollback = true)
public class CredentialClearanceException extends Exception {

    private static final long serialVersionUID = 1L;

    public CredentialClearanceException(String message) {
        super(message);
    }
}
