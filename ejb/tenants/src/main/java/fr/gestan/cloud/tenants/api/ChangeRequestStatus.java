package fr.gestan.cloud.tenants.api;

/** Where a client's change request stands in the staff queue. */
public enum ChangeRequestStatus {
    /** Open, nobody has taken it yet. */
    NEW,
    /** Open, taken by a support engineer (its assignee). */
    IN_PROGRESS,
    /** Done: closed with a resolution. */
    CLOSED
}
