package fr.gestan.cloud.hosting.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a new tenant goes: the least-loaded server (by share of its capacity, then by count, then by name) that
 * still has room. Pure logic, unit tested.
 */
final class Placement {

    /** A candidate server and how many tenants it holds. */
    record Candidate(long serverId, String name, int capacity, long load) {
        boolean hasRoom() {
            return load < capacity;
        }

        double ratio() {
            return (double) load / capacity;
        }
    }

    private Placement() {
    }

    static Optional<Candidate> leastLoaded(List<Candidate> candidates) {
        return candidates.stream().filter(Candidate::hasRoom)
                .min(Comparator.comparingDouble(Candidate::ratio).thenComparingLong(Candidate::load)
                        .thenComparing(Candidate::name));
    }
}
