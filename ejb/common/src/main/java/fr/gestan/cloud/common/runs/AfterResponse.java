package fr.gestan.cloud.common.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that a request starts in the background but that need not start before the request has answered: a
 * {@link #run} inside an HTTP request (the web filter {@link #open}s the request's scope) runs once the response is
 * written, on the request's thread and with its identity, so that the background work it dispatches (an export's
 * build: 17 to 30 times the request's own CPU, docs/performance.md 4.57) does not compete with the response on the
 * server's cores. Outside a request (a timer, a test), it runs at once. Local EJB calls run on their caller's thread,
 * so a service can call it; what it queues must be quick (a dispatch to an {@code @Asynchronous} method).
 */
public final class AfterResponse {

    private static final Logger LOG = Logger.getLogger(AfterResponse.class.getName());
    private static final ThreadLocal<List<Runnable>> PENDING = new ThreadLocal<>();

    private AfterResponse() {
    }

    /** Runs {@code task} once the current request's response is written, or now outside a request. */
    public static void run(Runnable task) {
        List<Runnable> pending = PENDING.get();
        if (pending == null) {
            task.run();
        } else {
            pending.add(task);
        }
    }

    /** The response's end, as the web layer completes it (closes its output). */
    public interface Finish {
        void finish() throws Exception;
    }

    /**
     * Opens the current request's scope: its {@link #run}s are queued until {@link Scope#close}. A scope already open
     * (a nested dispatch) is joined: its closing does nothing, the outer one runs the work.
     */
    public static Scope open() {
        if (PENDING.get() != null) {
            return new Scope(null);
        }
        List<Runnable> pending = new ArrayList<>(1);
        PENDING.set(pending);
        return new Scope(pending);
    }

    /** One request's queued work. */
    public static final class Scope {
        private final List<Runnable> pending;

        private Scope(List<Runnable> pending) {
            this.pending = pending;
        }

        /**
         * Ends the scope: if work was queued, calls {@code finish} (the response completed; {@code null} when the
         * request failed or answers asynchronously), then runs the work, even if {@code finish} failed: the work was
         * promised (an export's row exists and waits for its build).
         */
        public void close(Finish finish) {
            if (pending == null) {
                return;
            }
            PENDING.remove();
            if (pending.isEmpty()) {
                return;
            }
            if (finish != null) {
                try {
                    finish.finish();
                } catch (Exception e) {
                    // the client went away: the work still runs
                    LOG.log(Level.FINE, "Could not complete the response before its deferred work", e);
                }
            }
            for (Runnable task : pending) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Work deferred until after the response failed", e);
                }
            }
        }
    }
}
