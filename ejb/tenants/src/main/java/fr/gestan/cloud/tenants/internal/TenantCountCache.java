package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import fr.gestan.cloud.common.persistence.TenantWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How many tenants there are ({@link TenantServiceBean#count()}: the back-office dashboard's first tile at each view, a
 * count of 10,000 rows at scale): kept {@value #FRESH_MILLIS} ms on this node, void at once when this node adds or
 * removes a tenant ({@link Listener}); another node's, and the seeding's bulk rows, show within
 * {@value #FRESH_MILLIS} ms.
 * <p>
 * The same for a filtered list's total ({@link #matching}: a search's, each of its pages'), by filter: a word found in
 * every name was counted over the 10,000 rows at the search and again at each page of its results. Void at once when
 * this node writes any tenant (added, renamed, its state changed, removed: {@link TenantWrites}).
 */
final class TenantCountCache {

    static final long FRESH_MILLIS = 5_000;
    /** Filters kept at most in one window: past it, a count is made and not kept. */
    static final int MAX_FILTERS = 1_000;

    /** A filter: the statement's where clause and its parameters. */
    record Filter(String where, Map<String, Object> parameters) {

        Filter {
            parameters = Map.copyOf(parameters);
        }
    }

    private static final NodeMemo<Long> COUNT = new NodeMemo<>(FRESH_MILLIS);
    private static final NodeMemo<Map<Filter, Long>> MATCHING = new NodeMemo<>(FRESH_MILLIS, TenantWrites.GENERATION);

    private TenantCountCache() {
    }

    static long get(Supplier<Long> count) {
        return COUNT.get(count);
    }

    /** The number of tenants {@code filter} matches, from {@code count} at most once a window on this node. */
    static long matching(Filter filter, Supplier<Long> count) {
        Map<Filter, Long> counts = MATCHING.get(ConcurrentHashMap::new);
        Long kept = counts.get(filter);
        if (kept != null) {
            return kept;
        }
        long counted = count.get();
        if (counts.size() < MAX_FILTERS) {
            counts.put(filter, counted);
        }
        return counted;
    }

    /** On {@link Tenant}: an update does not change the count. */
    public static class Listener {

        @PostPersist
        @PostRemove
        void written(Object entity) {
            COUNT.changed();
        }
    }
}
