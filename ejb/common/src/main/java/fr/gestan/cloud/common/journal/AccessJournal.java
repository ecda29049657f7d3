package fr.gestan.cloud.common.journal;

/**
 * The append-only access journal every module writes to.
 * <p>
 * An entry is written in the caller's transaction: no action without its entry, and no entry for a
 * rolled-back action. The actor and the actor's role are taken from the caller's security identity,
 * never from the caller's arguments.
 * <p>
 * Appending locks the chain head (a database row) until the caller's transaction ends: write the entry late in
 * short transactions.
 */
public interface AccessJournal {

    /**
     * Records one sensitive action performed by the current caller, in the caller's transaction (required). Returns
     * the entry's id: its log position is given after commit (a notice names it through {@code JournalQuery.positionOf}).
     */
    long record(JournalEvent event);

    /**
     * Records an event in its own transaction, committed even if the caller's transaction rolls back: for failed
     * sign-ins and refused actions. Must not be called by a transaction that has already written to the journal
     * (it would wait for the chain head that transaction holds).
     */
    void recordIndependently(JournalEvent event);
}
