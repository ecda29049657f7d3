package fr.gestan.cloud.security.api;

import java.time.Instant;

/**
 * One stored journal verification: {@code RUNNING}, {@code COMPLETED} (then {@code intact} tells the outcome and, when
 * broken, {@code problem}, {@code position} and {@code detail} where), {@code FAILED} (it could not read the journal),
 * or {@code INTERRUPTED} when its server stopped mid-way (marked within a minute by any node).
 */
public record VerificationRunView(long id, String state, String startedBy, Instant startedAt, Instant endedAt, long total,
                                  long checked, Boolean intact, String problem, Long position, String detail) implements java.io.Serializable {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** 0 to 100. */
    public int percent() {
        return running() ? (total <= 0 ? 0 : (int) Math.min(99, checked * 100 / total)) : 100;
    }
}
