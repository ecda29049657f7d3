package fr.gestan.cloud.web.progress;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a long piece of work has gone, shared between the thread doing it and the page showing it
 * ({@code <gc:progress value="#{bean.progress}"/>}). Thread-safe; kept in a {@code @ViewScoped} bean.
 */
public final class Progress implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the work stands. */
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile State state = State.RUNNING;

    public Progress() {
    }

    public Progress(long total) {
        total(total);
    }

    /** Sets the amount of work (units of your choice: entries, certificates, bytes). 0 means unknown. */
    public void total(long total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0");
        }
        this.total = total;
    }

    /** Records that {@code units} more units are done. */
    public void advance(long units) {
        done.addAndGet(units);
    }

    public void succeed() {
        state = State.SUCCEEDED;
    }

    public void fail() {
        state = State.FAILED;
    }

    public long getDone() {
        return done.get();
    }

    public long getTotal() {
        return total;
    }

    public State getState() {
        return state;
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public boolean isFinished() {
        return state != State.RUNNING;
    }

    public boolean isSucceeded() {
        return state == State.SUCCEEDED;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }

    /** 0 to 100; 100 once finished; 0 while running with an unknown total. */
    public int getPercent() {
        if (isFinished()) {
            return 100;
        }
        long t = total;
        return t <= 0 ? 0 : (int) Math.min(99, done.get() * 100 / t);
    }
}
