package fr.gestan.cloud.security.api;

import fr.gestan.cloud.common.journal.JournalEvent;

/**
 * Journal entries for events that a machine reported (a server's agent, a sub-processor), whose actor is that
 * reporter, not the caller: the hosting module's agent API authenticates the reporter by its token and journals,
 * for example, each sign-in to a server with the server as actor. Same transaction rule as
 * {@code AccessJournal.record}: in the caller's transaction.
 */
public interface ReporterJournal {

    /** Role written on the entries: a machine, never a person. */
    String ROLE = "reporter";

    /**
     * Records {@code event} with {@code reporter} (for example {@code server:GC-PROD-01}) as its actor; returns the
     * entry's id (its log position comes after commit, as for {@code AccessJournal.record}).
     */
    long record(String reporter, JournalEvent event);
}
