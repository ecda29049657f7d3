package fr.gestan.cloud.notifications.api;

/**
 * A delivery's life: waiting (first try or a retry), sent (confirmed by the server: never sent again), failed (gave up
 * after the maximum number of tries: staff may retry it), cancelled (the recipient is gone: a webhook answered 410).
 */
public enum DeliveryState {
    PENDING, SENT, FAILED, CANCELLED,
    /** A staff-access notice held for the client's daily digest. */
    HELD,
    /** Held, then written into a daily digest (the digest is its own delivery). */
    DIGESTED
}
