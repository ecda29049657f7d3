package fr.gestan.cloud.hosting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fr.gestan.cloud.hosting.api.ServerRole;
import fr.gestan.cloud.hosting.api.ServerState;
import fr.gestan.cloud.hosting.api.ServerView;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every server with its load, read once for every caller of the next seconds, and afresh after a write to what it shows. */
class ServersCacheTest {

    private final AtomicInteger computed = new AtomicInteger();
    private final Supplier<List<ServerView>> compute = () -> List.of(new ServerView(1, "GC-PROD-01", "DC3", "Vitry-sur-Seine",
            ServerRole.PRODUCTION, "standard", 100, computed.incrementAndGet(), ServerState.OPERATIONAL));

    @BeforeEach
    void aListOfItsOwn() {
        new ServersCache.Listener().written(new Object());
    }

    @Test
    void the_callers_of_the_next_seconds_share_one_read() {
        List<ServerView> first = ServersCache.get(compute);
        for (int i = 0; i < 100; i++) {
            assertSame(first, ServersCache.get(compute));
        }
        assertEquals(1, computed.get());
    }

    @Test
    void a_write_to_a_server_a_contract_or_a_data_centre_shows_at_the_next_call() {
        assertEquals(1, ServersCache.get(compute).get(0).load());
        new ServersCache.Listener().written(new Object()); // what JPA calls after the write (a new contract: one more load)
        assertEquals(2, ServersCache.get(compute).get(0).load());
    }
}
