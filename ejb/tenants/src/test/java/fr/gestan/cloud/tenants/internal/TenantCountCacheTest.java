package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The back-office dashboard's tenant count, kept for the next seconds and void when a tenant is added or removed. */
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
}
