package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** A policy change that cannot be made ({@link #reason()}: a message key suffix). */
@ApplicationException(rollback = true)
public class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { EFFECTIVE_IN_PAST, NOTHING_CHANGED, KEYCLOAK_UNAVAILABLE }

    private final Reason reason;

    public PolicyException(Reason reason) {
        super("security policy: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
