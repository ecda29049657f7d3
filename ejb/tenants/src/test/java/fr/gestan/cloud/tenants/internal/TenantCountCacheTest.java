package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.gestan.cloud.common.persistence.TenantWrites;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The back-office dashboard's tenant count, kept for the next seconds and void when a tenant is added or removed; a
 * filtered list's total, kept so by filter and void when a tenant is written.
 */
class TenantCountCacheTest {

    private final AtomicLong rows = new AtomicLong(10_000);
    private final AtomicLong counted = new AtomicLong();

    private long count() {
        return TenantCountCache.get(() -> {
            counted.incrementAndGet();
            return rows.get();
        });
    }

    @Test
    void counted_once_for_the_next_views_and_again_after_a_new_tenant() {
        new TenantCountCache.Listener().written(new Object());
        assertEquals(10_000, count());
        assertEquals(10_000, count());
        assertEquals(1, counted.get());

        rows.incrementAndGet();
        new TenantCountCache.Listener().written(new Object()); // what JPA calls after persisting the tenant
        assertEquals(10_001, count());
        assertEquals(2, counted.get());
    }

    private long matching(String where, Object word) {
        return TenantCountCache.matching(new TenantCountCache.Filter(where, Map.of("name", word)), () -> {
            counted.incrementAndGet();
            return rows.get();
        });
    }

    @Test
    void a_filtered_total_is_counted_once_per_filter_and_again_after_a_tenant_is_written() {
        TenantWrites.GENERATION.changed();
        String where = " where 1 = 1 and (t.legalNameLower like :name escape '\\')";
        assertEquals(10_000, matching(where, "%société%"));
        assertEquals(10_000, matching(where, "%société%")); // the search's next page, another staff member's search
        assertEquals(1, counted.get());
        assertEquals(10_000, matching(where, "%échelle%"));
        assertEquals(2, counted.get(), "another filter is counted");

        rows.set(9_999);
        TenantWrites.GENERATION.changed(); // a tenant renamed, suspended, added or removed on this node
        assertEquals(9_999, matching(where, "%société%"));
        assertEquals(3, counted.get());
    }
}
