package fr.gestan.cloud.security.api;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Progress of one verification run, shared by reference between the running bean and the page polling it. */
public final class VerificationProgress {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicReference<JournalVerifier.Result> result = new AtomicReference<>();
    private volatile Listener listener;

    /** Told of each step, on the verifying thread (the server stores the run's progress through it). */
    public interface Listener {
        void checked(long entries, long total);
    }

    public void listen(Listener told) {
        listener = told;
    }

    public void start(long totalEntries) {
        total.set(totalEntries);
        checked.set(0);
        result.set(null);
    }

    public void checked(long entries) {
        checked.set(entries);
        Listener told = listener;
        if (told != null) {
            told.checked(entries, total.get());
        }
    }

    public void done(JournalVerifier.Result outcome) {
        result.set(outcome);
    }

    public long total() {
        return total.get();
    }

    public long checked() {
        return checked.get();
    }

    /** 0 to 100. */
    public int percent() {
        long t = total.get();
        if (result.get() != null) {
            return 100;
        }
        return t <= 0 ? 0 : (int) Math.min(99, checked.get() * 100 / t);
    }

    /** The outcome, or null while running. */
    public JournalVerifier.Result result() {
        return result.get();
    }
}
