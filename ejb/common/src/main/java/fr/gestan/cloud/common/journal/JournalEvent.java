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
 */
public record JournalEvent(String action, String tenantRef, String target, Outcome outcome, String reason) {

    public enum Outcome { SUCCESS, REFUSED, FAILURE }

    public JournalEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (action.isBlank() || action.length() > 64) {
            throw new IllegalArgumentException("action must be 1 to 64 characters");
        }
    }

    public static JournalEvent success(String action, String tenantRef, String target) {
        return new JournalEvent(action, tenantRef, target, Outcome.SUCCESS, null);
    }
}
