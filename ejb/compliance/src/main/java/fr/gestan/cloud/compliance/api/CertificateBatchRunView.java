package fr.gestan.cloud.compliance.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A certificate batch as every node of the offer sees it (stored, not in one server's memory): {@code RUNNING},
 * {@code COMPLETED}, {@code FAILED}, or {@code INTERRUPTED} when its server stopped mid-way and it could not be resumed
 * (a run stored before resuming existed; the certificates already issued stay valid, and running the batch again skips
 * them). A run whose server stops is otherwise resumed by another node from its last committed page: {@code node} is
 * the node working on it (or that ended it), {@code resumes} how many times it was taken over.
 */
public record CertificateBatchRunView(long id, String state, String startedBy, Instant startedAt, Instant heartbeatAt,
                                      Instant endedAt, long total, CertificateBatchTally tally, String node, int resumes)
        implements Serializable {

    public static final String RUNNING = "RUNNING";
    public static final String INTERRUPTED = "INTERRUPTED";

    public boolean running() {
        return RUNNING.equals(state);
    }

    public boolean interrupted() {
        return INTERRUPTED.equals(state);
    }
}
