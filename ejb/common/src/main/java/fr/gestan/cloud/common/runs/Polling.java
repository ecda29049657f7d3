package fr.gestan.cloud.common.runs;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A round of background work that a singleton repeats (the outbox's deliveries, the journal's sequencing), every so
 * many milliseconds taken from a system property: 0 or less turns it off, for the tests that run the rounds themselves.
 * <p>
 * The rounds run on a thread of their own, made by the server's managed thread factory, not on its managed scheduler:
 * WildFly refuses a managed scheduler's periodic task while the server is suspended (as it stops, or on
 * {@code :suspend}) and logs an ERROR ({@code WFLYEE0110} / {@code WFLYEE0111}) at each refused round until the bean
 * is destroyed (docs/performance.md, "The journal's polling while the server stops"). On their own thread the rounds go
 * on until their bean {@linkplain #stop stops} them; local EJB calls are not refused while suspended.
 */
public final class Polling {

    private static final Logger LOG = Logger.getLogger(Polling.class.getName());
    private static final long STOP_WAIT_SECONDS = 30;

    private Polling() {
    }

    /**
     * Runs {@code round} on a thread made by {@code threads} every {@code property} milliseconds ({@code defaultMs}
     * when unset), the first time after as long, each time once the previous round has ended; null when the setting
     * turns it off. A round that throws is logged and the next one runs as planned.
     */
    public static ScheduledExecutorService start(ThreadFactory threads, String property, long defaultMs, Runnable round) {
        long every = Long.getLong(property, defaultMs);
        if (every <= 0) {
            return null;
        }
        ScheduledThreadPoolExecutor rounds = new ScheduledThreadPoolExecutor(1, threads);
        rounds.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        rounds.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) { // else the executor would silently drop every later round
                LOG.log(Level.SEVERE, "A polling round failed; the next one runs as planned", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return rounds;
    }

    /**
     * No more rounds, and the thread ends: waits for a round under way to end (up to 30 s, then interrupts it), so
     * that the bean's resources outlive it; nothing when {@link #start} started none.
     */
    public static void stop(ScheduledExecutorService rounds) {
        if (rounds == null) {
            return;
        }
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("A polling round still runs after " + STOP_WAIT_SECONDS + " s; interrupting it");
                rounds.shutdownNow();
            }
        } catch (InterruptedException e) {
            rounds.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
