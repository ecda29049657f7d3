package fr.gestan.cloud.tenants.internal;

import fr.gestan.cloud.common.persistence.NodeMemo;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import java.util.function.Supplier;

/**
 * How many tenants there are ({@link TenantServiceBean#count()}: the back-office dashboard's first tile at each view, a
 * count of 10,000 rows at scale): kept {@value #FRESH_MILLIS} ms on this node, void at once when this node adds or
 * removes a tenant ({@link Listener}); another node's, and the seeding's bulk rows, show within
 * {@value #FRESH_MILLIS} ms.
 */
final class TenantCountCache {

    static final long FRESH_MILLIS = 5_000;

    private static final NodeMemo<Long> COUNT = new NodeMemo<>(FRESH_MILLIS);

    private TenantCountCache() {
    }

    static long get(Supplier<Long> count) {
        return COUNT.get(count);
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
