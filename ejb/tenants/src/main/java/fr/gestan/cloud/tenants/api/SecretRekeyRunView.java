package fr.gestan.cloud.tenants.api;

import java.time.Instant;

/**
 * A background re-encryption of the hosted-account secrets under the key {@code keyId} (after a rotation):
 * {@code done} of {@code total} secrets so far, {@code failed} the ones no key of the ring opened.
 */
public record SecretRekeyRunView(long id, String keyId, String state, String startedBy, Instant startedAt, Instant endedAt,
                                 long total, long done, long failed) implements java.io.Serializable {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    public boolean running() {
        return RUNNING.equals(state);
    }

    /** 0 to 100; 100 for a run with nothing to do. */
    public int percent() {
        return total <= 0 ? 100 : (int) Math.min(100, (done + failed) * 100 / total);
    }
}
