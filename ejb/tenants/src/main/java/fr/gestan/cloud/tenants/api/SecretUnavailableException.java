package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** The account's secret is no longer stored (the client changed it): reset it to issue a new one. */
@ApplicationException(rollback = true)
public class SecretUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public SecretUnavailableException(String login) {
        super("The secret of " + login + " was changed by the client and is not stored");
    }
}
