package fr.gestan.cloud.tenants.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The back-office dashboard's waiting requests, each counted once for the next seconds and again as soon as this node
 * writes a change request (for the open ones) or a hosted account (for the resets asked for).
 */
class PendingCountsCacheTest {

    private final AtomicLong openRows = new AtomicLong(3);
    private final AtomicLong resetRows = new AtomicLong(4);
    private final AtomicLong counted = new AtomicLong();

    private long open() {
        return PendingCountsCache.openChangeRequests(() -> {
            counted.incrementAndGet();
            return openRows.get();
        });
    }

    private long resets() {
        return PendingCountsCache.resetRequests(() -> {
            counted.incrementAndGet();
            return resetRows.get();
        });
    }

    @Test
    void counted_once_for_the_next_views_and_again_after_this_node_writes() {
        PendingCountsCache.Listener listener = new PendingCountsCache.Listener();
        listener.written(new ChangeRequest());
        listener.written(new HostedAccount());
        assertEquals(3, open());
        assertEquals(4, resets());
        assertEquals(3, open());
        assertEquals(4, resets());
        assertEquals(2, counted.get(), "one count each for the next views");

        openRows.incrementAndGet(); // a client asks for a change: JPA calls the listener after persisting it
        listener.written(new ChangeRequest());
        assertEquals(4, open());
        assertEquals(4, resets());
        assertEquals(3, counted.get(), "the open requests counted again, not the resets");

        resetRows.decrementAndGet(); // staff gave the account its new password
        listener.written(new HostedAccount());
        assertEquals(3, resets());
        assertEquals(4, counted.get());
    }
}
