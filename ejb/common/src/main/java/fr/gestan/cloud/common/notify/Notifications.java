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
}
