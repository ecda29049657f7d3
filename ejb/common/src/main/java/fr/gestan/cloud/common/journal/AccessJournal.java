package fr.gestan.cloud.common.journal;

import java.util.List;

/**
 * The append-only access journal every module writes to.
 * <p>
 * An entry is written in the caller's transaction: no action without its entry, and no entry for a
 * rolled-back action. The actor and the actor's role are taken from the caller's security identity,
 * never from the caller's arguments.
 * <p>
 * Appending inserts one row and locks nothing that other writers wait for: the log's sequencer gives the entry its
 * position once the caller's transaction has committed.
 */
public interface AccessJournal {

    /**
     * Records one sensitive action performed by the current caller, in the caller's transaction (required). Returns
     * the entry's id: its log position is given after commit (a notice names it through {@code JournalQuery.positionOf}).
     */
    long record(JournalEvent event);

    /**
     * Records an event in its own transaction, committed even if the caller's transaction rolls back: for failed
     * sign-ins and refused actions.
     */
    void recordIndependently(JournalEvent event);

    /**
     * Records many actions of the current caller in the caller's transaction (required), as {@link #record} does
     * each (same entries, same MACs) but in JDBC batches: for importers of past events and the load harness's
     * seeding. At most {@link #MAX_BATCH} events a call. Returns how many were recorded.
     */
    int recordAll(List<JournalEvent> events);

    /** The most events {@link #recordAll} takes in one call. */
    int MAX_BATCH = 10_000;
}
