package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** Keycloak's admin API did not answer (or refused the back end's service account). */
@ApplicationException(rollback = true)
public class RealmUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public RealmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
