package fr.gestan.cloud.tenants.api;

import jakarta.ejb.ApplicationException;

/** The change request cannot be taken: it is closed, or another engineer has already taken it. */
@ApplicationException(rollback = true)
public class ChangeRequestTakenException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String assignee;

    public ChangeRequestTakenException(long id, String assignee) {
        super("Change request " + id + (assignee == null ? " is closed" : " is already taken by " + assignee));
        this.assignee = assignee;
    }

    /** Who holds it, or {@code null} when the request is closed. */
    public String assignee() {
        return assignee;
    }
}
