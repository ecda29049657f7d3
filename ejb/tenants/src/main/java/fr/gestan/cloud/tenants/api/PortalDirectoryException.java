package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** Keycloak refused or could not be reached; nothing was changed in this application. */
@ApplicationException(rollback = true)
public class PortalDirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason { USER_EXISTS, UNAVAILABLE }

    private final Reason reason;

    public PortalDirectoryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
