package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/**
 * The account's secret cannot be revealed: the client changed it (no longer stored), or the initial secret has
 * expired ({@link #expired()}). Reset it to issue a new one.
 */
@ApplicationException(rollback = true)
public class SecretUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean expired;

    public SecretUnavailableException(String login) {
        this(login, false);
    }

    public SecretUnavailableException(String login, boolean expired) {
        super(expired ? "The initial secret of " + login + " has expired: reset it"
                : "The secret of " + login + " was changed by the client and is not stored");
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
