package fr.gestan.cloud.common.notify;

/**
 * The notification outbox every module writes to (as it writes the journal through
 * {@link fr.gestan.cloud.common.journal.AccessJournal}): a notice is stored in the caller's transaction, so that a
 * rolled-back action announces nothing and a committed one is never lost; the notifications module's sender delivers
 * it afterwards (e-mail, webhooks), with retries. The actor is taken from the caller's security identity.
 */
public interface Notifications {

    /** Stores the notice and its deliveries in the caller's transaction (required). */
    void publish(Notice notice);

    /**
     * Stores each notice as {@link #publish} does, in the caller's transaction (required), reading what they share
     * once (the tenants of a page of new certificates in one query): for the certificate batch, which stores a page of
     * certificates at once. At most {@link #MAX_BATCH} notices a call.
     */
    void publishAll(java.util.List<Notice> notices);

    /** The most notices {@link #publishAll} takes in one call. */
    int MAX_BATCH = 500;
}
