package fr.gestan.cloud.common.runs;

/**
 * Spaces out the rounds of a {@link Polling} loop while they find nothing to do: the period doubles after each empty
 * round, up to a ceiling, and comes back to the loop's own period as soon as a round finds work. An idle server then
 * stops writing to its database many times a second (the journal sequencer renews its lease in each round: an update
 * and a commit, so a WAL flush), while work that arrives after a pause waits at most the ceiling.
 * Not thread-safe: one loop's rounds, run one after the other.
 */
public final class IdleBackoff {

    private final long periodMs;
    private final long ceilingMs;
    private int emptyRounds;
    private long nextRoundAtMs = Long.MIN_VALUE;

    /** {@code periodMs}: the loop's own period; {@code ceilingMs}: the longest wait between two idle rounds. */
    public IdleBackoff(long periodMs, long ceilingMs) {
        if (periodMs <= 0 || ceilingMs < periodMs) {
            throw new IllegalArgumentException("period " + periodMs + " ms, ceiling " + ceilingMs + " ms");
        }
        this.periodMs = periodMs;
        this.ceilingMs = ceilingMs;
    }

    /** Whether the round the loop is about to run should run now (else it returns at once and waits for the next). */
    public boolean due(long nowMs) {
        return nowMs >= nextRoundAtMs;
    }

    /** Records a round that ran: {@code foundWork} resets the period, an empty round doubles it up to the ceiling. */
    public void ran(boolean foundWork, long nowMs) {
        emptyRounds = foundWork ? 0 : Math.min(emptyRounds + 1, 30);
        // the loop's rounds come every period: those before the wait is over return at once (half a period of
        // slack, so that a round a millisecond early by the wall clock is not skipped)
        nextRoundAtMs = nowMs + waitMs() - periodMs / 2;
    }

    /** The wait before the next round, as things stand. */
    public long waitMs() {
        return Math.min(ceilingMs, periodMs << emptyRounds);
    }
}
