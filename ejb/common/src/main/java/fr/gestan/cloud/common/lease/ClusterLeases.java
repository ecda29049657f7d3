package fr.gestan.cloud.common.lease;

/**
 * Cluster-wide singletons: a named lease row that one holder at a time owns until it expires, so that periodic work
 * (the journal's sequencer, the notification sender) runs on one node at a time. Works on PostgreSQL and H2.
 * Implemented by the security module, which owns the {@code singleton_lease} table.
 * <p>
 * Each call runs in its own short transaction, whatever the caller's: a holder renews its lease at the start of each
 * round of work, well within the lease's duration.
 */
public interface ClusterLeases {

    /**
     * Takes the lease {@code name} for {@code holder} if it is free or expired, or renews it if {@code holder} already
     * has it, for {@code durationMs} from now.
     *
     * @param name   a fixed name of the work (at most 64 characters)
     * @param holder who asks, unique per node and start (at most 200 characters)
     * @return true when {@code holder} holds the lease now, false when another holder does
     */
    boolean hold(String name, String holder, long durationMs);

    /** Gives the lease up (on shutdown) so that another node need not wait for it to expire; no effect if not held. */
    void release(String name, String holder);
}
