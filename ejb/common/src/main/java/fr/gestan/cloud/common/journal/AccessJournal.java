package fr.gestan.cloud.common.journal;

/**
 * The append-only access journal every module writes to.
 * <p>
 * An entry is written in the caller's transaction: no action without its entry, and no entry for a
 * rolled-back action. The actor and the actor's role are taken from the caller's security identity,
 * never from the caller's arguments.
 */
public interface AccessJournal {

    /** Records one sensitive action performed by the current caller. */
    void record(JournalEvent event);
}
