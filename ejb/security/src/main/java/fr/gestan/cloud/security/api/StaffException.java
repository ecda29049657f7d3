package fr.gestan.cloud.security.api;

import jakarta.ejb.ApplicationException;

/** A staff registry request that cannot be done: unknown or duplicate username ({@link #reason()}). */
@ApplicationException(rollback = true)
public class StaffException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { UNKNOWN, DUPLICATE }

    private final Reason reason;
    private final String username;

    public StaffException(Reason reason, String username) {
        super("staff member " + username + ": " + reason);
        this.reason = reason;
        this.username = username;
    }

    public Reason reason() {
        return reason;
    }

    public String username() {
        return username;
    }
}
