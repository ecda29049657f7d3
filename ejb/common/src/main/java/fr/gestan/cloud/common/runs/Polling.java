package fr.gestan.cloud.common.runs;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A round of background work that a singleton repeats on the server's managed scheduler (the outbox's deliveries,
 * the journal's sequencing), every so many milliseconds taken from a system property: 0 or less turns it off, for the
 * tests that run the rounds themselves.
 */
public final class Polling {

    private Polling() {
    }

    /**
     * Runs {@code round} every {@code property} milliseconds ({@code defaultMs} when unset), the first time after as
     * long, each time once the previous round has ended; null when the setting turns it off.
     */
    public static ScheduledFuture<?> start(ScheduledExecutorService scheduler, String property, long defaultMs, Runnable round) {
        long every = Long.getLong(property, defaultMs);
        return every > 0 ? scheduler.scheduleWithFixedDelay(round, every, every, TimeUnit.MILLISECONDS) : null;
    }

    /** No more rounds (one under way ends normally); nothing when {@link #start} started none. */
    public static void stop(ScheduledFuture<?> polling) {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
