package fr.gestan.cloud.security.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * When the journal ids missing above the sequencer's floor were first seen missing, kept as runs of ids rather than
 * id by id: a gap of billions of ids (a sequence restarted higher, or rows written around the application) costs one
 * entry, not one per id, and is passed in one step once its timeout is over.
 *
 * <p>Ids are observed in increasing order (everything below the newest sequenced id at each round), so the first-seen
 * times grow with the ids: each run of ids first observed together starts at a key and ends at the next key (or at the
 * observed limit), with the time it was first observed.
 */
final class GapsSeen {

    private final TreeMap<Long, Long> firstSeen = new TreeMap<>();
    /** Ids below this one have been observed; ids from it on have not (yet). */
    private long observedUpTo = Long.MIN_VALUE;

    /** Every id below {@code limit} that is missing and was not seen before is first seen {@code now}. */
    void seenMissingBelow(long limit, long now) {
        if (limit > observedUpTo) {
            firstSeen.put(observedUpTo, now);
            observedUpTo = limit;
        }
    }

    /**
     * Of the missing ids {@code [from, to)}, the first one first seen after {@code deadline} (still within its
     * timeout, or never seen), or {@code to} when every one of them was first seen at or before the deadline.
     */
    long timedOutUpTo(long from, long to, long deadline) {
        long id = from;
        while (id < to) {
            Map.Entry<Long, Long> run = firstSeen.floorEntry(id);
            if (run == null || id >= observedUpTo || run.getValue() > deadline) {
                return id;
            }
            Long next = firstSeen.higherKey(id);
            id = next == null ? observedUpTo : next;
        }
        return to;
    }

    /** Forgets the ids below {@code id} (the floor passed them). */
    void forgetBelow(long id) {
        Map.Entry<Long, Long> covering = firstSeen.floorEntry(id);
        firstSeen.headMap(id).clear();
        if (covering != null && id < observedUpTo) {
            firstSeen.putIfAbsent(id, covering.getValue());
        }
    }

    /** Runs kept (for tests: bounded by the rounds observed, whatever the size of the gaps). */
    int runs() {
        return firstSeen.size();
    }
}
