package fr.gestan.cloud.compliance.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A certificate batch as every node of the offer sees it (stored, not in one server's memory): {@code RUNNING},
 * {@code COMPLETED}, {@code FAILED}, or {@code INTERRUPTED} when its server stopped mid-way (marked within a minute of
 * the stop; the certificates already issued stay valid, and running the batch again skips them).
 */
public record CertificateBatchRunView(long id, String state, String startedBy, Instant startedAt, Instant heartbeatAt,
                                      Instant endedAt, long total, CertificateBatchTally tally) implements Serializable {

    public static final String RUNNING = "RUNNING";
    public static final String INTERRUPTED = "INTERRUPTED";

    public boolean running() {
        return RUNNING.equals(state);
    }

    public boolean interrupted() {
        return INTERRUPTED.equals(state);
    }
}
