package fr.gestan.cloud.common.journal;

import java.util.Objects;

/**
 * What a module tells the journal about one sensitive action.
 *
 * @param action    a stable action code, such as {@code TENANT_CREATED}
 * @param tenantRef the tenant concerned (its SIREN), or {@code null} when none is
 * @param target    what the action was applied to (an account login, a contract number...)
 * @param outcome   whether the action succeeded or was refused
 * @param reason    the reason given by the actor, or {@code null}
 * @param sourceIp  the client address the action came from, or {@code null}: the journal then takes the address
 *                  of the current web request ({@link RequestOrigin}), if any
 */
public record JournalEvent(String action, String tenantRef, String target, Outcome outcome, String reason, String sourceIp) {

    public enum Outcome { SUCCESS, REFUSED, FAILURE }

    public JournalEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (action.isBlank() || action.length() > 64) {
            throw new IllegalArgumentException("action must be 1 to 64 characters");
        }
    }

    /** An event without an explicit source address (the current request's address is used). */
    public JournalEvent(String action, String tenantRef, String target, Outcome outcome, String reason) {
        this(action, tenantRef, target, outcome, reason, null);
    }

    public static JournalEvent success(String action, String tenantRef, String target) {
        return new JournalEvent(action, tenantRef, target, Outcome.SUCCESS, null);
    }

    public static JournalEvent refused(String action, String tenantRef, String target, String reason) {
        return new JournalEvent(action, tenantRef, target, Outcome.REFUSED, reason);
    }

    /** The same event, from the given client address (for events not tied to the current request). */
    public JournalEvent withSourceIp(String address) {
        return new JournalEvent(action, tenantRef, target, outcome, reason, address);
    }
}
