package fr.gestan.cloud.common.persistence;

import java.util.function.Supplier;

/**
 * A value computed from the database at most once every {@code freshMillis} on this node, the same for every caller,
 * and void at once when this node writes what it is computed from ({@link #changed()}, through a
 * {@link WriteGeneration}: at the write and when its transaction ends). Another node's writes, and what time alone
 * changes, show within {@code freshMillis}. The public status board and the recovery plan's worst case (/trust) are
 * kept so; see operations.md, "State kept in one JVM's memory".
 * <p>
 * A timer may compute a value ahead ({@link #ahead}): a value that requests read in the last
 * {@value #READ_RECENTLY_MILLIS} ms and that is past half its window is then computed again in the timer's call, so
 * that the request that finds it out of date, one in every window on a busy page, no longer waits for its computation
 * (docs/performance.md, 4.23). A value void by a write is still computed by the next caller.
 */
public final class NodeMemo<T> {

    private record Entry<T>(T value, long generation, long computedAt) {
    }

    /** A value no request read for this long is not computed ahead (an idle node computes nothing). */
    public static final long READ_RECENTLY_MILLIS = 60_000;

    /** Set while a timer computes ahead ({@link #ahead}). */
    private static final ThreadLocal<Boolean> AHEAD = new ThreadLocal<>();

    private final long freshMillis;
    private final WriteGeneration generation = new WriteGeneration();
    private final WriteGeneration[] sources;
    private volatile Entry<T> entry;
    private volatile long readAt; // by a request (epoch: never)

    /**
     * {@code sources}: other modules' write counters that also void the value (their entities cannot name this
     * memo, e.g. {@link ReferenceWrites}).
     */
    public NodeMemo(long freshMillis, WriteGeneration... sources) {
        this.freshMillis = freshMillis;
        this.sources = sources.clone();
    }

    // every counter only grows: their sum changes whenever one of them does
    private long generation() {
        long g = generation.get();
        for (WriteGeneration source : sources) {
            g += source.get();
        }
        return g;
    }

    /** The value kept, or a new one from {@code compute} if there is none, it is void or older than the window. */
    public T get(Supplier<T> compute) {
        long g = generation();
        long now = System.currentTimeMillis();
        Entry<T> e = entry;
        boolean ahead = AHEAD.get() != null;
        if (ahead && e != null && now - readAt >= READ_RECENTLY_MILLIS) {
            return e.value(); // nobody reads it: not worth computing
        }
        if (!ahead) {
            readAt = now;
        }
        if (e == null || e.generation() != g || now - e.computedAt() >= freshMillis || now < e.computedAt()
                || ahead && now - e.computedAt() >= freshMillis / 2) {
            e = new Entry<>(compute.get(), g, now);
            entry = e;
        }
        return e.value();
    }

    /**
     * Runs {@code calls} (a timer's calls of the methods that read memos) computing ahead: in them, a memo that
     * requests read in the last {@value #READ_RECENTLY_MILLIS} ms is computed again once past half its window.
     */
    public static void ahead(Runnable calls) {
        AHEAD.set(Boolean.TRUE);
        try {
            calls.run();
        } finally {
            AHEAD.remove();
        }
    }

    /** The value kept, void or not, or null: to decide whether a change concerns it. */
    public T peek() {
        Entry<T> e = entry;
        return e == null ? null : e.value();
    }

    /** Voids the value (a write this node made to what it is computed from). */
    public void changed() {
        generation.changed();
    }
}
